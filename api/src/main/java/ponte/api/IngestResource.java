package ponte.api;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpHeader;
import ponte.core.Invalid;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.ingest.Incoming;
import ponte.core.ingest.Ingesting;
import ponte.core.ingest.Report;
import ponte.core.ingest.Source;
import ponte.core.ingest.SourceFormat;
import ponte.core.ingest.SourceStatus;
import ponte.core.products.ProductId;
import ponte.formats.IngestReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** /v1/ingest: an editor's sources (other agencies' feeds, polled) and one-off document uploads. */
public final class IngestResource implements Resource {
    static final int DEFAULT_INTERVAL_SECONDS = 300;
    private static final Members NEW_SOURCE = Members.of("url", "format", "intervalSeconds", "products");
    private static final Members CHANGES = Members.of("url", "format", "intervalSeconds", "products", "paused");

    private final Ingesting ingesting;
    private final IngestReader reader;

    public IngestResource(Ingesting ingesting, IngestReader reader) {
        this.ingesting = ingesting;
        this.reader = reader;
    }

    @Override
    public void register(Routes routes) {
        routes.add("POST", "/v1/ingest/sources", this::register);
        routes.add("GET", "/v1/ingest/sources", this::list);
        routes.add("GET", "/v1/ingest/sources/{id}", this::get);
        routes.add("PATCH", "/v1/ingest/sources/{id}", this::change);
        routes.add("DELETE", "/v1/ingest/sources/{id}", this::remove);
        routes.add("POST", "/v1/ingest/sources/{id}/poll", this::poll);
        routes.add("POST", "/v1/ingest/files", this::importFile);
    }

    private void register(Exchange x) {
        Caller caller = x.caller();
        JsonNode body = x.body(NEW_SOURCE);
        String url = JsonInput.text(body, "url");
        SourceFormat format = SourceFormat.fromWire("/format", JsonInput.text(body, "format"));
        Duration interval = Duration.ofSeconds(intervalSeconds(body).orElse(DEFAULT_INTERVAL_SECONDS));
        Source source = ingesting.register(caller, url, format, interval, products(JsonInput.texts(body, "products", true)));
        x.header("Location", "/v1/ingest/sources/" + source.id());
        x.json(201, view(source, ingesting.status(caller, source.id())));
    }

    /** The caller's org's sources in order of registration. */
    private void list(Exchange x) {
        Caller caller = x.caller();
        Paging.Page<Source> page = Paging.of(x, ingesting.list(caller), source -> Paging.position(source.created(), source.id()));
        Paging.send(x, page, source -> view(source, ingesting.status(caller, source.id())));
    }

    private void get(Exchange x) {
        Caller caller = x.caller();
        Source source = ingesting.get(caller, x.path("id"));
        x.json(200, view(source, ingesting.status(caller, source.id())));
    }

    private void change(Exchange x) {
        Caller caller = x.caller();
        JsonNode body = x.body(CHANGES);
        Ingesting.Changes changes = new Ingesting.Changes(
                JsonInput.optionalText(body, "url"),
                JsonInput.optionalText(body, "format").map(f -> SourceFormat.fromWire("/format", f)),
                intervalSeconds(body).map(Duration::ofSeconds),
                body.has("products") ? Optional.of(products(JsonInput.texts(body, "products", true))) : Optional.empty(),
                JsonInput.optionalBoolean(body, "", "paused"));
        Source source = ingesting.change(caller, x.path("id"), changes);
        x.json(200, view(source, ingesting.status(caller, source.id())));
    }

    private void remove(Exchange x) {
        ingesting.remove(x.caller(), x.path("id"));
        x.noContent();
    }

    private void poll(Exchange x) {
        Caller caller = x.caller();
        x.optionalBody(Members.NONE);
        ingesting.pollNow(caller, x.path("id"));
        Source source = ingesting.get(caller, x.path("id"));
        x.json(202, view(source, ingesting.status(caller, source.id())));
    }

    /** POST /v1/ingest/files?products=a,b[&format=atom|rss|ninjs|newsmlg2]: the body is the document itself. */
    private void importFile(Exchange x) {
        Caller caller = x.caller();
        caller.actingFor(Role.EDITOR);
        Set<ProductId> products = productsQuery(x);
        byte[] document = x.rawBody(IngestReader.MAX_BYTES);
        if (document.length == 0) {
            throw HttpError.badRequest("the body must be the document to import");
        }
        SourceFormat format = x.query("format").map(f -> SourceFormat.fromWire("/format", f))
                .or(() -> IngestReader.sniff(x.requestHeader(HttpHeader.CONTENT_TYPE), document))
                .orElseThrow(() -> new Invalid("/format", "say which format the document is: ?format=atom|rss|ninjs|newsmlg2"));
        List<Incoming> entries = reader.read(format, document, caller.actingFor(Role.EDITOR).value());
        x.json(200, report(ingesting.importDocument(caller, products, entries)));
    }

    /** ?products=a,b: the products what an upload files goes into. */
    static Set<ProductId> productsQuery(Exchange x) {
        return products(x.query("products").map(p -> Arrays.stream(p.split(",")).map(String::strip)
                .filter(v -> !v.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new)))
                .orElseThrow(() -> new Invalid("/products", "products is required: ?products=a,b")));
    }

    private static Set<ProductId> products(Set<String> ids) {
        return JsonInput.at("/products", () -> ids.stream().map(ProductId::new).collect(Collectors.toUnmodifiableSet()));
    }

    private static Optional<Integer> intervalSeconds(JsonNode body) {
        return JsonInput.optionalInt(body, "intervalSeconds", (int) Source.MIN_INTERVAL.toSeconds(), (int) Source.MAX_INTERVAL.toSeconds());
    }

    static ObjectNode view(Source source, SourceStatus status) {
        ObjectNode out = JsonNodeFactory.instance.objectNode()
                .put("id", source.id())
                .put("url", source.url())
                .put("format", source.format().wire())
                .put("intervalSeconds", source.interval().toSeconds())
                .put("paused", source.paused())
                .put("createdAt", source.created().toString());
        ArrayNode products = out.putArray("products");
        source.products().stream().map(ProductId::value).sorted().forEach(products::add);
        ObjectNode st = out.putObject("status");
        st.put("state", status.state().name().toLowerCase(java.util.Locale.ROOT));
        status.lastPolledAt().ifPresent(at -> st.put("lastPolledAt", at.toString()));
        status.lastSuccessAt().ifPresent(at -> st.put("lastSuccessAt", at.toString()));
        st.put("lastError", status.lastError().orElse(null));
        SourceStatus.Counts c = status.counts();
        st.putObject("counts").put("polls", c.polls()).put("published", c.published()).put("updated", c.updated())
                .put("killed", c.killed()).put("unchanged", c.unchanged()).put("failed", c.failed());
        problems(st.putArray("problems"), status.problems());
        return out;
    }

    private static ObjectNode report(Report r) {
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("published", r.published()).put("updated", r.updated())
                .put("killed", r.killed()).put("unchanged", r.unchanged()).put("failed", r.failed());
        problems(out.putArray("problems"), r.problems());
        ArrayNode items = out.putArray("items");
        r.appended().forEach(a -> items.add(ItemsResource.receipt(a)));
        return out;
    }

    private static void problems(ArrayNode out, List<Report.Problem> problems) {
        problems.forEach(p -> out.addObject().put("entry", p.entry()).put("detail", p.detail()));
    }
}

package ponte.api;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import ponte.core.Invalid;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.ingest.Backfill;
import ponte.core.ingest.BackfillRun;
import ponte.core.ingest.Backfilling;
import ponte.core.ingest.Incoming;
import ponte.core.ingest.Ingesting;
import ponte.core.ingest.Report;
import ponte.core.ingest.Source;
import ponte.core.ingest.SourceFormat;
import ponte.core.ingest.SourceStatus;
import ponte.core.log.Appended;
import ponte.core.products.ProductId;
import ponte.formats.IngestReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** /v1/ingest: an editor's sources (other agencies' feeds, polled) and one-off document uploads. */
public final class IngestResource implements Resource {
    static final int DEFAULT_INTERVAL_SECONDS = 300;
    /** Receipts an upload's JSON answer lists at most: the NDJSON answer is the one for large documents. */
    static final int MAX_RECEIPTS = 1_000;
    /** Enough of a document's start to tell its format by ({@link IngestReader#sniff}). */
    private static final int SNIFFED = 4096;
    private static final Members NEW_SOURCE = Members.of("url", "format", "intervalSeconds", "products");
    private static final Members CHANGES = Members.of("url", "format", "intervalSeconds", "products", "paused");

    private final Ingesting ingesting;
    private final Backfilling backfilling;
    private final IngestReader reader;

    public IngestResource(Ingesting ingesting, Backfilling backfilling, IngestReader reader) {
        this.ingesting = ingesting;
        this.backfilling = backfilling;
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
        routes.add("POST", "/v1/ingest/files", new Routes.Streaming(this::importFile));
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

    /**
     * POST /v1/ingest/files?products=a,b[&format=atom|rss|ninjs|newsmlg2]: the body is the document itself, read as it
     * arrives and filed as a backfill is. A document that cannot be read at all is refused before anything is filed;
     * after that, an entry's problem is that entry's. Answered in NDJSON as it goes when the client asks for it, else
     * with the JSON report once every entry is done.
     */
    private void importFile(Exchange x) throws Exception {
        Caller caller = x.caller();
        String scope = caller.actingFor(Role.EDITOR).value();
        Set<ProductId> products = productsQuery(x);
        String contentType = Optional.ofNullable(x.requestHeader(HttpHeader.CONTENT_TYPE)).orElse("");
        try (InputStream body = new BufferedInputStream(Request.asInputStream(x.request), 1 << 16)) {
            byte[] head = peek(body);
            if (head.length == 0) {
                throw HttpError.badRequest("the body must be the document to import");
            }
            SourceFormat format = x.query("format").map(f -> SourceFormat.fromWire("/format", f))
                    .or(() -> IngestReader.sniff(contentType, head))
                    .orElseThrow(() -> new Invalid("/format", "say which format the document is: ?format=atom|rss|ninjs|newsmlg2"));
            IngestReader.Entries entries = reader.entries(format, contentType, body, scope, Exchange.MAX_BODY);
            Optional<Incoming> first = entries.next(); // a document that cannot be read at all is refused here, nothing filed
            try (BackfillRun run = backfilling.upload(caller, products)) {
                if (wantsLines(x)) {
                    new RunLines(x, run, "number", true, type -> event(type, run)).answer(event("started", run), answer -> {
                        file(run, entries, first, answer::tick);
                        return "done";
                    });
                } else {
                    Uploaded answer = new Uploaded();
                    file(run, entries, first, () -> answer.keep(run));
                    run.finish();
                    answer.keep(run);
                    x.json(200, answer.report(run.progress().counts()));
                }
            }
        } catch (IOException clientGone) {
            x.callback.failed(clientGone); // the run was closed: what was queued committed, and a second post finds it by uri
        }
    }

    private static boolean wantsLines(Exchange x) {
        String accept = x.requestHeader(HttpHeader.ACCEPT);
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains(RunLines.NDJSON);
    }

    /** Offers every entry to the run, in document order, numbered from 1. */
    private static void file(BackfillRun run, IngestReader.Entries entries, Optional<Incoming> first, Tick tick) throws IOException {
        long number = 0;
        for (Optional<Incoming> entry = first; entry.isPresent(); entry = entries.next()) {
            run.offer(++number, entry.get());
            tick.tick();
        }
    }

    private interface Tick {
        void tick() throws IOException;
    }

    /** The first bytes of the body, left unread (to tell the format by). */
    private static byte[] peek(InputStream body) throws IOException {
        body.mark(SNIFFED);
        byte[] head = body.readNBytes(SNIFFED);
        body.reset();
        return head;
    }

    private static ObjectNode event(String type, BackfillRun run) {
        BackfillRun.Progress p = run.progress();
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("type", type).put("number", p.line()).put("done", p.checkpoint());
        return RunLines.counts(out, p.counts()).put("inFlight", p.inFlight());
    }

    /**
     * The JSON answer, gathered as entries are done: the counts, the first {@link Report#MAX_PROBLEMS} problems, and
     * the first {@link #MAX_RECEIPTS} receipts (a document of 100,000 entries has no useful list of them; how many
     * were left out is said).
     */
    private static final class Uploaded {
        private final List<BackfillRun.Problem> problems = new ArrayList<>();
        private final List<Appended> receipts = new ArrayList<>();
        private long omitted;

        void keep(BackfillRun run) {
            for (BackfillRun.Problem p : run.problems()) {
                if (problems.size() < Report.MAX_PROBLEMS) {
                    problems.add(p);
                }
            }
            for (Appended a : run.receipts()) {
                if (receipts.size() < MAX_RECEIPTS) {
                    receipts.add(a);
                } else {
                    omitted++;
                }
            }
        }

        ObjectNode report(Backfill.Counts c) {
            ObjectNode out = RunLines.counts(JsonNodeFactory.instance.objectNode(), c);
            ArrayNode list = out.putArray("problems");
            problems.forEach(p -> list.addObject().put("entry", p.entry().isEmpty() ? "entry " + p.line() : p.entry()).put("number", p.line())
                    .put("detail", String.join("; ", p.errors().stream()
                            .map(e -> e.pointer().isEmpty() ? e.detail() : e.pointer() + ": " + e.detail()).toList())));
            ArrayNode items = out.putArray("items");
            receipts.forEach(a -> items.add(ItemsResource.receipt(a)));
            return out.put("itemsOmitted", omitted);
        }
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

    private static void problems(ArrayNode out, List<Report.Problem> problems) {
        problems.forEach(p -> out.addObject().put("entry", p.entry()).put("detail", p.detail()));
    }
}

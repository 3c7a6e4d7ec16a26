package ponte.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jetty.http.HttpHeader;
import ponte.core.Invalid;
import ponte.core.items.ItemId;
import ponte.core.products.ProductId;
import ponte.core.reach.Reach;
import ponte.core.reach.ReachCsv;
import ponte.core.reach.Reaching;
import ponte.core.reach.ReachScope;
import ponte.core.reach.Recipients;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** GET /v1/reach (JSON, or CSV by {@code Accept: text/csv}: {@link ReachCsv}) and GET /v1/items/{id}/recipients. */
public final class ReachResource implements Resource {
    static final String CSV = "text/csv;charset=utf-8";

    private final Reaching reaching;
    private final Recipients recipients;

    public ReachResource(Reaching reaching, Recipients recipients) {
        this.reaching = reaching;
        this.recipients = recipients;
    }

    @Override
    public void register(Routes routes) {
        routes.add("GET", "/v1/reach", this::reach);
        routes.add("GET", "/v1/items/{id}/recipients", this::recipients);
    }

    private void reach(Exchange x) {
        ReachScope scope = scope(x);
        Optional<Instant> from = x.query("from").map(f -> SearchParameters.time("from", f, false));
        Optional<Instant> to = x.query("to").map(t -> SearchParameters.time("to", t, true));
        Reach reach = reaching.reach(x.caller(), scope, from, to);
        x.header("Cache-Control", "private, no-cache");
        String accept = Optional.ofNullable(x.requestHeader(HttpHeader.ACCEPT)).orElse("").toLowerCase(Locale.ROOT);
        if (accept.contains("text/csv") && !accept.contains("application/json")) {
            x.send(200, CSV, ReachCsv.write(reach).getBytes(StandardCharsets.UTF_8));
            return;
        }
        x.json(200, json(reach));
    }

    private static ReachScope scope(Exchange x) {
        Optional<String> item = x.query("item");
        Optional<String> product = x.query("product");
        Optional<String> coproduction = x.query("coproduction");
        if (Stream.of(item, product, coproduction).filter(Optional::isPresent).count() != 1) {
            throw new Invalid("/item", "give exactly one of item, product or coproduction");
        }
        if (item.isPresent()) {
            return new ReachScope.OfItem(JsonInput.at("/item", () -> new ItemId(item.get())));
        }
        if (product.isPresent()) {
            return new ReachScope.OfProduct(JsonInput.at("/product", () -> new ProductId(product.get())));
        }
        return new ReachScope.OfCoproduction(coproduction.get());
    }

    static ObjectNode json(Reach reach) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        Reach.Totals t = reach.totals();
        body.putObject("totals").put("routed", t.routed()).put("delivered", t.delivered()).put("read", t.read())
                .put("reported", t.reported()).put("partners", t.partners()).put("outlets", t.outlets())
                .put("countries", t.countries()).put("audience", t.audience());
        ObjectNode facets = body.putObject("facets");
        for (Reach.Facet facet : reach.facets()) {
            ArrayNode list = facets.putArray(facet.name());
            for (Reach.Bucket b : facet.buckets()) {
                ObjectNode node = list.addObject().put("value", b.value());
                b.label().ifPresent(l -> node.put("name", l));
                node.put("count", b.count());
            }
        }
        ArrayNode histogram = body.putArray("histogram");
        reach.histogram().forEach(d -> histogram.addObject().put("day", d.day().toString()).put("count", d.count()));
        return body;
    }


    private void recipients(Exchange x) {
        boolean outstanding = x.query("outstanding").map(v -> switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new Invalid("/outstanding", "outstanding must be true or false");
        }).orElse(false);
        Recipients.Roster roster = recipients.of(x.caller(), ItemsResource.itemId(x), outstanding);
        Paging.Page<Recipients.Recipient> page = Paging.of(x, roster.recipients(), r -> r.partner().value());
        ObjectNode body = Paging.body(x, page, ReachResource::recipient);
        body.put("version", roster.latestVersion());
        body.put("event", roster.event().wire());
        x.header("Cache-Control", "private, no-cache");
        x.json(200, body);
    }

    private static ObjectNode recipient(Recipients.Recipient r) {
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("partner", r.partner().value())
                .put("name", r.name())
                .put("lastVersion", r.lastVersion())
                .put("state", r.state().wire());
        r.routedAt().ifPresent(t -> node.put("routedAt", t.toString()));
        r.at().ifPresent(t -> node.put(r.state() == Recipients.State.READ ? "readAt" : "deliveredAt", t.toString()));
        return node;
    }
}

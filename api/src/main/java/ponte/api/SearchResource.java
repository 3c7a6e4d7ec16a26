package ponte.api;

import java.util.List;
import ponte.core.reading.LanguageVersions;
import ponte.core.search.Candidate;
import ponte.core.search.Order;
import ponte.core.search.Results;
import ponte.core.search.SearchRequest;
import ponte.core.search.Searching;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** GET /v1/search and GET /v1/items/{id}/translations: what the caller may find, nothing else, not even as a count. */
public final class SearchResource implements Resource {
    private final Searching searching;
    private final LanguageVersions languageVersions;

    public SearchResource(Searching searching, LanguageVersions languageVersions) {
        this.searching = searching;
        this.languageVersions = languageVersions;
    }

    @Override
    public void register(Routes routes) {
        routes.add("GET", "/v1/search", this::search);
        routes.add("GET", "/v1/items/{id}/translations", this::translations);
    }

    private void search(Exchange x) {
        var caller = x.caller();
        SearchRequest request = SearchParameters.read(x);
        Results results = searching.search(caller, request);
        boolean scored = request.order() == Order.RELEVANCE && !request.text().isEmpty();
        ObjectNode body = Paging.body(x, new Paging.Page<>(results.hits(), results.next()), hit -> hit(hit, scored));
        body.putObject("total").put("value", results.visible()).put("relation", results.complete() ? "eq" : "gte");
        ObjectNode facets = body.putObject("facets");
        results.facets().forEach((dimension, buckets) -> {
            ArrayNode list = facets.putArray(dimension);
            for (Results.Bucket b : buckets) {
                ObjectNode node = list.addObject().put("value", b.value());
                if (!b.label().equals(b.value())) {
                    node.put("name", b.label());
                }
                node.put("count", b.count());
            }
        });
        ArrayNode histogram = body.putArray("histogram");
        results.histogram().forEach((day, count) -> histogram.addObject().put("day", day.toString()).put("count", count));
        x.header("Cache-Control", "private, no-cache");
        x.json(200, body);
    }

    private static ObjectNode hit(Results.Hit hit, boolean scored) {
        Candidate c = hit.candidate();
        ObjectNode node = summary(c.item(), c.version());
        node.put("languageDetected", c.facts().languageDetected());
        node.put("language", c.facts().language());
        node.put("firstCreatedAt", c.item().firstCreated().toString());
        node.put("versionCreatedAt", c.version().created().toString());
        c.version().content().embargoedUntil().ifPresent(e -> node.put("embargoEndsAt", e.toString()));
        node.put("pubStatus", c.item().killed() ? "canceled" : "usable");
        ArrayNode products = node.putArray("products");
        c.version().products().stream().map(p -> p.value()).sorted().forEach(products::add);
        ArrayNode subjects = node.putArray("subjects");
        c.facts().subjects().forEach(sub -> subjects.addObject().put("code", sub.code()).put("name", sub.name()));
        if (scored) {
            node.put("score", c.position().score());
        }
        ObjectNode snippets = node.putObject("snippets");
        hit.snippets().headline().ifPresent(h -> snippets.put("headline", h));
        ArrayNode body = snippets.putArray("body");
        hit.snippets().body().forEach(body::add);
        ArrayNode versions = node.putArray("languageVersions");
        hit.languageVersions().forEach(v -> versions.add(summary(v.item(), v.version()).put("language", v.facts().language())));
        return node;
    }

    /** The other language versions the caller may find, in order of first publication. */
    private void translations(Exchange x) {
        var caller = x.caller();
        List<LanguageVersions.Member> members = languageVersions.of(caller, ItemsResource.itemId(x));
        Paging.Page<LanguageVersions.Member> page = Paging.of(x, members, m -> Paging.position(m.item().firstCreated(), m.item().id().value()));
        x.header("Cache-Control", "private, no-cache");
        Paging.send(x, page, m -> {
            ObjectNode node = summary(m.item(), m.version());
            m.version().content().language().ifPresent(l -> node.put("language", l));
            node.put("source", m.source());
            node.put("needsUpdate", m.needsUpdate());
            return node;
        });
    }

    private static ObjectNode summary(ponte.core.items.Item item, ponte.core.items.Version version) {
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("id", item.id().value())
                .put("uri", item.uri())
                .put("version", version.number())
                .put("type", version.content().type());
        version.content().headline().ifPresent(h -> node.put("headline", h));
        return node;
    }
}

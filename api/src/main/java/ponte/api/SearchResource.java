package ponte.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode hits = body.putArray("hits");
        for (Results.Hit hit : results.hits()) {
            hits.add(hit(hit, request.order() == Order.RELEVANCE && !request.text().isEmpty()));
        }
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
        results.next().ifPresent(next -> {
            body.put("next", next);
            x.header("Link", "<" + nextUrl(x, next) + ">; rel=\"next\"");
        });
        x.header("Cache-Control", "private, no-cache");
        x.json(200, body);
    }

    private static ObjectNode hit(Results.Hit hit, boolean scored) {
        Candidate c = hit.candidate();
        ObjectNode node = summary(c.item(), c.version());
        node.put("languageDetected", c.facts().languageDetected());
        node.put("language", c.facts().language());
        node.put("firstCreated", c.item().firstCreated().toString());
        node.put("versionCreated", c.version().created().toString());
        c.version().content().embargoedUntil().ifPresent(e -> node.put("embargoedUntil", e.toString()));
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

    private void translations(Exchange x) {
        var caller = x.caller();
        List<LanguageVersions.Member> members = languageVersions.of(caller, ItemsResource.itemId(x));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode list = body.putArray("translations");
        for (LanguageVersions.Member m : members) {
            ObjectNode node = summary(m.item(), m.version());
            m.version().content().language().ifPresent(l -> node.put("language", l));
            list.add(node);
        }
        x.header("Cache-Control", "private, no-cache");
        x.json(200, body);
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

    /** The same search with the next cursor, every other parameter kept as sent. */
    private static String nextUrl(Exchange x, String next) {
        StringBuilder url = new StringBuilder("/v1/search?");
        for (String name : List.of("q", "lang", "product", "subject", "country", "type", "from", "to", "sort", "limit")) {
            x.query(name).ifPresent(v -> url.append(name).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        }
        return url.append("after=").append(URLEncoder.encode(next, StandardCharsets.UTF_8)).toString();
    }

}

package ponte.app;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import tools.jackson.databind.JsonNode;

/**
 * Requests for each operation of the OpenAPI document, made from the document's own schemas: valid ones (every part
 * as the document allows it, ids often of things that exist), and {@link Mutations mutated} ones that break it.
 */
final class DocumentedRequests {
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    /** A request before it is written out: its parts as values, so that a mutation can break any one of them. */
    record Draft(ApiDocument.Operation op, Map<String, String> path, Map<String, String> query, List<String[]> headers,
                 String mediaType, JsonNode json, byte[] raw, String key) {
        Call call(boolean refused, String why) {
            return new Call(op.toString(), op.method(), target(path, query), headers, mediaType, raw != null ? raw : json == null ? null : json.toString().getBytes(UTF_8),
                    key, refused, why);
        }

        /** The target with each path parameter and query value percent-encoded as UTF-8. */
        String target(Map<String, String> pathValues, Map<String, String> queryValues) {
            Matcher m = PARAMETER.matcher(op.path());
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(pathValues.get(m.group(1))));
            }
            m.appendTail(out);
            String separator = "?";
            for (var q : queryValues.entrySet()) {
                out.append(separator).append(q.getKey()).append('=').append(q.getValue());
                separator = "&";
            }
            return out.toString();
        }

        /** The same draft with a body of its own, for a mutation to change. */
        Draft copy() {
            return new Draft(op, path, query, headers, mediaType, json == null ? null : json.deepCopy(), raw, key);
        }

        Draft with(Map<String, String> pathValues, Map<String, String> queryValues) {
            return new Draft(op, pathValues, queryValues, headers, mediaType, json, raw, key);
        }
    }

    private final SchemaValues values;
    private final KnownIds known;
    private final List<String> keys;
    private final Map<String, List<byte[]>> documents;

    /**
     * @param keys      the keys requests are made with (null stands for none)
     * @param documents sample bodies for media types the document gives no schema for (feeds to import)
     */
    DocumentedRequests(SchemaValues values, KnownIds known, List<String> keys, Map<String, List<byte[]>> documents) {
        this.values = values;
        this.known = known;
        this.keys = keys;
        this.documents = documents;
    }

    Arbitrary<Draft> draft(ApiDocument.Operation op) {
        Arbitrary<Map<String, String>> path = pathValues(op);
        Arbitrary<Map<String, String>> query = queryValues(op);
        Arbitrary<List<String[]>> headers = headerValues(op);
        Arbitrary<Optional<Body>> body = body(op);
        Arbitrary<String> key = Arbitraries.of(keys).injectNull(op.authenticated() ? 0.02 : 0.5);
        return Combinators.combine(path, query, headers, body, key).as((p, q, h, b, k) ->
                new Draft(op, p, q, h, b.map(Body::mediaType).orElse(null), b.map(Body::json).orElse(null), b.map(Body::raw).orElse(null), k));
    }

    record Body(String mediaType, JsonNode json, byte[] raw) {}

    private Arbitrary<Optional<Body>> body(ApiDocument.Operation op) {
        if (op.bodies().isEmpty()) {
            return Arbitraries.just(Optional.empty());
        }
        List<Arbitrary<Body>> choices = new ArrayList<>();
        op.bodies().forEach((media, schema) -> {
            if (media.contains("json") && !schema.isMissingNode()) {
                List<JsonNode> examples = op.examples().entrySet().stream().filter(e -> e.getKey().startsWith(media)).map(Map.Entry::getValue).toList();
                Arbitrary<JsonNode> generated = values.value(schema, "");
                Arbitrary<JsonNode> json = examples.isEmpty() ? generated
                        : Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.of(examples)), net.jqwik.api.Tuple.of(3, generated));
                choices.add(json.map(j -> new Body(media, j, null)));
            } else {
                choices.add(Arbitraries.of(documents.getOrDefault(media, List.of(new byte[0]))).map(bytes -> new Body(media, null, bytes)));
            }
        });
        Arbitrary<Optional<Body>> some = Arbitraries.oneOf(choices).map(Optional::of);
        return op.bodyRequired() ? some : Arbitraries.oneOf(some, Arbitraries.just(Optional.empty()));
    }

    private Arbitrary<Map<String, String>> pathValues(ApiDocument.Operation op) {
        List<Arbitrary<Map.Entry<String, String>>> parts = new ArrayList<>();
        for (ApiDocument.Parameter p : op.parameters()) {
            if (p.in().equals("path")) {
                Arbitrary<String> known = this.known.any(pathKind(op.path(), p.name()));
                Arbitrary<String> any = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, known), net.jqwik.api.Tuple.of(1, values.text(p.schema(), p.name())));
                parts.add(any.map(v -> Map.entry(p.name(), segment(v))));
            }
        }
        return entries(parts);
    }

    private Arbitrary<Map<String, String>> queryValues(ApiDocument.Operation op) {
        List<Arbitrary<Map.Entry<String, String>>> parts = new ArrayList<>();
        for (ApiDocument.Parameter p : op.parameters()) {
            if (p.in().equals("query")) {
                Arbitrary<Map.Entry<String, String>> part = values.text(p.schema(), p.name()).map(v -> Map.entry(p.name(), URLEncoder.encode(v, UTF_8)));
                parts.add(p.required() ? part : part.injectNull(0.5));
            }
        }
        return entries(parts);
    }

    private Arbitrary<List<String[]>> headerValues(ApiDocument.Operation op) {
        List<Arbitrary<String[]>> parts = new ArrayList<>();
        for (ApiDocument.Parameter p : op.parameters()) {
            if (p.in().equals("header")) {
                Arbitrary<String> value = p.name().equals("Accept") ? Arbitraries.of("application/json", "application/atom+xml", "application/rss+xml",
                        "application/vnd.iptc.g2.newsitem+xml", "application/vnd.iptc.g2.newsmessage+xml", "text/html", "*/*",
                        "application/json; profile=\"http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json\"")
                        : values.text(p.schema(), p.name()).map(v -> v.replaceAll("[\\r\\n]", ""));
                parts.add(value.map(v -> new String[] {p.name(), v}).injectNull(0.6));
            }
        }
        if (parts.isEmpty()) {
            return Arbitraries.just(List.of());
        }
        return Combinators.combine(parts).as(list -> list.stream().filter(java.util.Objects::nonNull).toList());
    }

    private static Arbitrary<Map<String, String>> entries(List<Arbitrary<Map.Entry<String, String>>> parts) {
        if (parts.isEmpty()) {
            return Arbitraries.just(Map.of());
        }
        return Combinators.combine(parts).as(list -> {
            Map<String, String> out = new LinkedHashMap<>();
            list.stream().filter(java.util.Objects::nonNull).forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        });
    }

    /** A value as one path segment: percent-encoded UTF-8, a space as %20 (a '+' in a path is a plus). */
    static String segment(String value) {
        return URLEncoder.encode(value, UTF_8).replace("+", "%20");
    }

    /** What a path parameter names, by where it stands. */
    static String pathKind(String template, String name) {
        if (!name.equals("id")) {
            return KnownIds.kindOf(name).orElse(name);
        }
        if (template.startsWith("/v1/agreements")) {
            return "agreement";
        }
        if (template.startsWith("/v1/translation-tasks")) {
            return "translation-task";
        }
        if (template.startsWith("/v1/coproductions")) {
            return "coproduction";
        }
        if (template.startsWith("/v1/products")) {
            return "product";
        }
        if (template.startsWith("/v1/items")) {
            return "item";
        }
        if (template.startsWith("/v1/endpoints")) {
            return "endpoint";
        }
        return template.startsWith("/v1/ingest/sources") ? "source" : name;
    }
}

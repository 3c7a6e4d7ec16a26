package ponte.app;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ways to break a valid request, each of which the document says is wrong, so only a 4xx answer is right: a member
 * the envelope does not define, a value of the wrong type or out of range, a required member missing, a malformed
 * or oversized body, a bad query parameter or path segment, a method the path does not have, no key. And edge cases
 * the document allows (Unicode at its edges, other content types), where anything but a 5xx is right.
 */
final class Mutations {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** Strings at the edges of Unicode and of what a database stores: NUL, a lone surrogate, a BOM, bidi controls, astral planes. */
    static final List<String> EDGE_STRINGS = List.of("\u0000", "a\u0000b", "\ud800", "x\udfffy", "\ufeff", "\u202e\u202d", "😀🇮🇹", "\u0301",
            "é".repeat(3000), "\u00a0", "\\", "\"'<>&", "%00", "../..", "中文한국어", "\t\n\r");

    /** A site in a JSON body: a value, the schema it has there, and where it hangs. */
    private record Site(JsonNode container, String member, int index, JsonNode value, JsonNode schema, String pointer) {
        void replace(JsonNode with) {
            if (container instanceof ObjectNode o) {
                o.set(member, with);
            } else if (container instanceof ArrayNode a) {
                a.set(index, with);
            }
        }
    }

    private final SchemaValues values;
    private final Map<String, Set<String>> methodsByPath;

    Mutations(SchemaValues values, List<ApiDocument.Operation> operations) {
        this.values = values;
        this.methodsByPath = new LinkedHashMap<>();
        operations.forEach(op -> methodsByPath.computeIfAbsent(op.path(), p -> new java.util.HashSet<>()).add(op.method()));
    }

    /** The draft broken in one way the document forbids; the call must be refused. */
    Arbitrary<Call> refused(Arbitrary<DocumentedRequests.Draft> drafts) {
        return Arbitraries.randomValue(Random::nextLong).flatMap(seed -> drafts.map(d -> breakIt(d, new Random(seed))));
    }

    /** The draft at an edge the document allows; the call must not be a 5xx. */
    Arbitrary<Call> edgy(Arbitrary<DocumentedRequests.Draft> drafts) {
        return Arbitraries.randomValue(Random::nextLong).flatMap(seed -> drafts.map(d -> edge(d, new Random(seed))));
    }

    private Call breakIt(DocumentedRequests.Draft draft, Random random) {
        DocumentedRequests.Draft d = draft.copy();
        List<java.util.function.Supplier<Call>> ways = new ArrayList<>();
        boolean jsonBody = d.json() != null && d.json().isObject();
        if (jsonBody) {
            List<Site> sites = sites(d);
            if (sites.stream().anyMatch(s -> s.value().isObject() && s.schema().path("additionalProperties").isBoolean()
                    && !s.schema().path("additionalProperties").asBoolean())) {
                ways.add(() -> extraMember(d, random));
                ways.add(() -> extraMember(d, random));
            }
            ways.add(() -> wrongType(d, random));
            ways.add(() -> outOfRange(d, random));
            ways.add(() -> missingRequired(d, random));
            ways.add(() -> malformed(d, random));
        }
        if (d.op().path().contains("{")) {
            ways.add(() -> badPath(d, random));
        }
        if (d.query().size() + d.op().parameters().stream().filter(p -> p.in().equals("query")).count() > 0) {
            ways.add(() -> badQuery(d, random));
        }
        if (d.op().authenticated()) {
            ways.add(() -> d.call(true, "").withKey(random.nextBoolean() ? null : "pk_not_a_key_" + random.nextInt(1000), "no key or an unknown one"));
        }
        Set<String> others = new java.util.HashSet<>(METHODS);
        others.removeAll(methodsByPath.get(d.op().path()));
        if (!others.isEmpty()) {
            String method = others.stream().sorted().toList().get(random.nextInt(others.size()));
            ways.add(() -> d.call(true, "").withMethod(method, "a method " + d.op().path() + " does not have"));
        }
        if (random.nextInt(100) == 0) {
            ways.add(() -> headerTooLarge(d));
        }
        for (int attempt = 0; attempt < 100; attempt++) {
            Call call = ways.get(random.nextInt(ways.size())).get();
            if (call != null) {
                return call;
            }
        }
        return headerTooLarge(d);
    }

    private Call edge(DocumentedRequests.Draft draft, Random random) {
        DocumentedRequests.Draft d = draft.copy();
        int way = random.nextInt(3);
        if (way == 0 && d.json() != null) {
            List<Site> strings = sites(d).stream().filter(s -> s.value().isString() && !s.schema().has("enum") && !s.schema().has("pattern")
                    && !s.schema().has("format") && s.container() != null).toList();
            if (!strings.isEmpty()) {
                Site s = strings.get(random.nextInt(strings.size()));
                String edge = EDGE_STRINGS.get(random.nextInt(EDGE_STRINGS.size()));
                s.replace(JSON.stringNode(edge));
                return d.call(false, "an edge string at " + s.pointer());
            }
        }
        if (way == 1 && d.json() != null) {
            String type = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "application/json;charset=iso-8859-1").get(random.nextInt(4));
            Call c = d.call(false, "");
            return c.withBody(type, c.body(), false, "content type " + type);
        }
        Map<String, String> query = new LinkedHashMap<>(d.query());
        query.put(List.of("unknown", "limit", "after", "q").get(random.nextInt(4)), DocumentedRequests.segment(EDGE_STRINGS.get(random.nextInt(EDGE_STRINGS.size()))));
        return d.with(d.path(), query).call(false, "an edge query parameter");
    }

    private Call extraMember(DocumentedRequests.Draft d, Random random) {
        List<Site> envelopes = sites(d).stream().filter(s -> s.value().isObject() && s.schema().path("additionalProperties").isBoolean()
                && !s.schema().path("additionalProperties").asBoolean()).toList();
        Site s = envelopes.get(random.nextInt(envelopes.size()));
        List<String> defined = new ArrayList<>();
        s.schema().path("properties").propertyNames().forEach(defined::add);
        List<String> candidates = new ArrayList<>(List.of("unknown", "x-extra", "", "__proto__", "ñame", "a/b~c"));
        for (String name : defined) {
            candidates.add(name.substring(0, name.length() - 1)); // "right" for "rights"
            candidates.add(name + "s");
            candidates.add(name.toUpperCase(java.util.Locale.ROOT));
        }
        candidates.removeAll(defined);
        String name = candidates.get(random.nextInt(candidates.size()));
        ((ObjectNode) s.value()).set(name, random.nextBoolean() ? JSON.stringNode("x") : JSON.objectNode().put("include", "IT"));
        return d.call(true, "extra member '" + name + "' at " + s.pointer());
    }

    private Call wrongType(DocumentedRequests.Draft d, Random random) {
        List<Site> typed = sites(d).stream().filter(s -> s.container() != null && s.schema().has("type")).toList();
        if (typed.isEmpty()) {
            return null;
        }
        Site s = typed.get(random.nextInt(typed.size()));
        List<JsonNode> wrong = new ArrayList<>(List.of(JSON.stringNode("abc"), JSON.numberNode(7), JSON.booleanNode(true), JSON.objectNode(),
                JSON.arrayNode(), JSON.numberNode(1.5)));
        String type = s.schema().get("type").asString();
        wrong.removeIf(v -> switch (type) {
            case "string" -> v.isString();
            case "integer" -> v.isIntegralNumber();
            case "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            case "array" -> v.isArray();
            case "object" -> v.isObject();
            default -> true;
        });
        if (wrong.isEmpty()) {
            return null;
        }
        JsonNode value = wrong.get(random.nextInt(wrong.size()));
        s.replace(value);
        return d.call(true, "a " + value.getNodeType() + " for a " + type + " at " + s.pointer());
    }

    /** A value the document forbids at a site of the body. */
    private record Replacement(Site site, JsonNode bad) {}

    private Call outOfRange(DocumentedRequests.Draft d, Random random) {
        List<Replacement> options = new ArrayList<>();
        for (Site s : sites(d)) {
            if (s.container() != null) {
                outOfRange(s).forEach(bad -> options.add(new Replacement(s, bad)));
            }
        }
        if (options.isEmpty()) {
            return null;
        }
        Replacement chosen = options.get(random.nextInt(options.size()));
        chosen.site().replace(chosen.bad());
        String shown = chosen.bad().toString();
        return d.call(true, "out of range at " + chosen.site().pointer() + ": " + (shown.length() > 60 ? shown.substring(0, 60) + "…" : shown));
    }

    private static List<JsonNode> outOfRange(Site s) {
        JsonNode schema = s.schema();
        List<JsonNode> bad = new ArrayList<>();
        if (schema.has("minimum")) {
            bad.add(JSON.numberNode(schema.get("minimum").asLong() - 1));
            bad.add(JSON.numberNode(new java.math.BigDecimal("-1e400")));
        }
        if (schema.has("maximum")) {
            bad.add(JSON.numberNode(schema.get("maximum").asLong() + 1));
            bad.add(JSON.numberNode(new java.math.BigInteger("99999999999999999999999")));
        }
        if (schema.has("maxLength")) {
            bad.add(JSON.stringNode("x".repeat(schema.get("maxLength").asInt() + 1)));
        }
        if (schema.path("minLength").asInt(0) > 0) {
            bad.add(JSON.stringNode(""));
        }
        if (schema.has("enum") && schema.get("enum").get(0).isString()) {
            bad.add(JSON.stringNode("not-one-of-them"));
            bad.add(JSON.stringNode(schema.get("enum").get(0).asString().toUpperCase(java.util.Locale.ROOT) + " "));
        }
        if (schema.has("pattern")) {
            bad.add(JSON.stringNode("has space/and slash"));
            bad.add(JSON.stringNode("é".repeat(70)));
        }
        switch (schema.path("format").asString("")) {
            case "date-time", "date" -> bad.addAll(List.of(JSON.stringNode("next tuesday"), JSON.stringNode("-999999999-01-01T00:00:00Z"),
                    JSON.stringNode("+1000000-01-01T00:00:00Z")));
            case "duration" -> bad.addAll(List.of(JSON.stringNode("15 minutes"), JSON.stringNode("PT2562047788015215H"), JSON.stringNode("-PT1S")));
            case "uri" -> bad.add(JSON.stringNode("not a uri at all"));
            default -> { }
        }
        if (schema.path("minItems").asInt(0) > 0) {
            bad.add(JSON.arrayNode());
        }
        if (schema.has("maxItems")) {
            ArrayNode many = JSON.arrayNode();
            for (int i = 0; i <= schema.get("maxItems").asInt(); i++) {
                many.add(JSON.stringNode("v" + i)); // distinct: a list that repeats one value may well be read as that value
            }
            bad.add(many);
        }
        return bad;
    }

    private Call missingRequired(DocumentedRequests.Draft d, Random random) {
        List<Site> withRequired = sites(d).stream().filter(s -> s.value().isObject() && s.schema().path("required").size() > 0).toList();
        if (withRequired.isEmpty()) {
            return null;
        }
        Site s = withRequired.get(random.nextInt(withRequired.size()));
        List<String> present = new ArrayList<>();
        s.schema().get("required").forEach(r -> {
            if (s.value().has(r.asString())) {
                present.add(r.asString());
            }
        });
        if (present.isEmpty()) {
            return null;
        }
        String name = present.get(random.nextInt(present.size()));
        ((ObjectNode) s.value()).remove(name);
        return d.call(true, "required '" + name + "' missing at " + s.pointer());
    }

    private Call malformed(DocumentedRequests.Draft d, Random random) {
        String json = d.json().toString();
        List<String> bodies = List.of(json.substring(0, json.length() / 2), "[]", "\"text\"", "42", "null", "{\"a\":1,}", "<xml/>",
                "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}", "\u00ff\u00fe{}", "{\"a\":\"\\ud800\"", "{}{}");
        String body = bodies.get(random.nextInt(bodies.size()));
        return d.call(true, "").withBody("application/json", body.getBytes(UTF_8), true, "a body that is not a JSON object");
    }

    private Call badPath(DocumentedRequests.Draft d, Random random) {
        Map<String, String> path = new LinkedHashMap<>(d.path());
        String name = path.keySet().stream().toList().get(random.nextInt(path.size()));
        List<String> garbage = List.of("%2e%2e", "%2E%2E%2F%2E%2E", "%2f", "%00", "%ff", "%zz", "%", "..%2f..", "x".repeat(5000),
                "%C3%A9%E4%B8%AD", "%F0%9F%98%80", "%ED%A0%80", "a%20b", "%3B", "CON", "~");
        path.put(name, garbage.get(random.nextInt(garbage.size())));
        return d.with(path, d.query()).call(true, "a path parameter " + name + " that names nothing");
    }

    private Call badQuery(DocumentedRequests.Draft d, Random random) {
        List<ApiDocument.Parameter> params = d.op().parameters().stream().filter(p -> p.in().equals("query")).toList();
        ApiDocument.Parameter p = params.get(random.nextInt(params.size()));
        JsonNode schema = values.flatten(p.schema());
        List<String> bad = new ArrayList<>(List.of("%ff", "%c3%28", "%ed%a0%80"));
        if (schema.path("type").asString("").equals("integer")) {
            bad.addAll(List.of("abc", "1.5", "99999999999999999999", "-1", "0x10", "%201"));
        }
        if (schema.has("enum")) {
            bad.add("not-one-of-them");
        }
        if (schema.has("pattern")) {
            bad.add(DocumentedRequests.segment("has space"));
        }
        if (schema.has("format")) {
            bad.addAll(List.of("next-tuesday", "-999999999-01-01T00:00:00Z", "%2B1000000-01-01"));
        }
        Map<String, String> query = new LinkedHashMap<>(d.query());
        String value = bad.get(random.nextInt(bad.size()));
        query.put(p.name(), value);
        return d.with(d.path(), query).call(true, "query " + p.name() + "=" + value);
    }

    private static Call headerTooLarge(DocumentedRequests.Draft d) {
        return d.call(true, "").withHeader("X-Padding", "p".repeat(64 * 1024), "a header too large");
    }

    /** Every value in the draft's JSON body with the schema it has there (the body itself first). */
    private List<Site> sites(DocumentedRequests.Draft d) {
        List<Site> out = new ArrayList<>();
        walk(null, null, -1, d.json(), values.flatten(d.op().bodies().get(d.mediaType())), "", out);
        return out;
    }

    private void walk(JsonNode container, String member, int index, JsonNode value, JsonNode schema, String pointer, List<Site> out) {
        out.add(new Site(container, member, index, value, schema, pointer));
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            for (String name : List.copyOf(value.propertyNames())) {
                if (properties.has(name)) {
                    walk(value, name, -1, value.get(name), values.flatten(properties.get(name)), pointer + "/" + name, out);
                }
            }
        } else if (value.isArray() && schema.has("items")) {
            JsonNode items = values.flatten(schema.get("items"));
            for (int i = 0; i < value.size(); i++) {
                walk(value, null, i, value.get(i), items, pointer + "/" + i, out);
            }
        }
    }
}

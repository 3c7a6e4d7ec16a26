package ponte.app;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Values that a schema of the OpenAPI document allows, with a bias towards what the running network knows: a member
 * named like an org, a product or an item often takes the id of one that exists ({@code hint}), so valid requests
 * reach past "not found" into the code that does the work.
 */
final class SchemaValues {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Times far from now: a booked release or a licence start never comes due while the test runs. */
    private static final long PAST_FROM = Instant.parse("1995-01-01T00:00:00Z").getEpochSecond();
    private static final long PAST_TO = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();
    private static final long FUTURE_FROM = Instant.parse("2080-01-01T00:00:00Z").getEpochSecond();
    private static final long FUTURE_TO = Instant.parse("2099-12-31T00:00:00Z").getEpochSecond();

    private final ApiDocument document;
    /** Values for a member or parameter by its name, when the network has some to offer. */
    private final Function<String, Optional<Arbitrary<String>>> hint;

    SchemaValues(ApiDocument document, Function<String, Optional<Arbitrary<String>>> hint) {
        this.document = document;
        this.hint = hint;
    }

    /** The schema with its reference followed and its {@code allOf} parts merged into one. */
    JsonNode flatten(JsonNode schema) {
        JsonNode resolved = document.resolve(schema);
        if (!resolved.has("allOf")) {
            return resolved;
        }
        ObjectNode merged = JSON.objectNode();
        for (JsonNode part : resolved.get("allOf")) {
            JsonNode flat = flatten(part);
            flat.properties().forEach(e -> {
                if (e.getKey().equals("properties") && merged.has("properties")) {
                    ((ObjectNode) merged.get("properties")).setAll((ObjectNode) e.getValue());
                } else {
                    merged.set(e.getKey(), e.getValue());
                }
            });
        }
        resolved.properties().forEach(e -> {
            if (!e.getKey().equals("allOf")) {
                merged.set(e.getKey(), e.getValue());
            }
        });
        return merged;
    }

    /** A JSON value the schema allows, for a member or parameter of this name. */
    Arbitrary<JsonNode> value(JsonNode schema, String name) {
        JsonNode s = flatten(schema);
        if (s.has("oneOf") || s.has("anyOf")) {
            List<Arbitrary<JsonNode>> choices = new ArrayList<>();
            s.path(s.has("oneOf") ? "oneOf" : "anyOf").forEach(c -> choices.add(value(c, name)));
            return Arbitraries.oneOf(choices);
        }
        if (s.has("enum")) {
            List<JsonNode> values = new ArrayList<>();
            s.get("enum").forEach(values::add);
            return Arbitraries.of(values);
        }
        return switch (s.path("type").asString("")) {
            case "string" -> string(s, name).map(JSON::stringNode);
            case "integer" -> integer(s).map(JSON::numberNode);
            case "number" -> Arbitraries.doubles().between(-1e6, 1e6).map(JSON::numberNode);
            case "boolean" -> Arbitraries.of(true, false).map(JSON::booleanNode);
            case "array" -> array(s, name);
            case "object" -> object(s);
            default -> Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(8).map(JSON::stringNode), Arbitraries.integers().map(JSON::numberNode));
        };
    }

    /** A value as a query parameter or path segment carries it: the text of the JSON value. */
    Arbitrary<String> text(JsonNode schema, String name) {
        return value(schema, name).map(v -> v.isString() ? v.asString() : v.toString());
    }

    private Arbitrary<String> string(JsonNode s, String name) {
        Optional<Arbitrary<String>> known = hint.apply(name);
        Arbitrary<String> generated = generated(s, name);
        return known.map(k -> Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, k), net.jqwik.api.Tuple.of(1, generated))).orElse(generated);
    }

    private Arbitrary<String> generated(JsonNode s, String name) {
        if (s.has("pattern")) {
            return PatternStrings.matching(s.get("pattern").asString());
        }
        int min = s.path("minLength").asInt(0);
        int max = Math.min(s.path("maxLength").asInt(40), Math.max(min, 40));
        return switch (s.path("format").asString("")) {
            case "date-time" -> instants().map(Instant::toString);
            case "date" -> instants().map(i -> LocalDate.ofInstant(i, java.time.ZoneOffset.UTC).toString());
            case "duration" -> Arbitraries.of("PT0S", "PT2H", "P1D", "P30D");
            case "uri" -> hint.apply("url").orElse(Arbitraries.just("https://example.invalid/x"));
            default -> Arbitraries.strings().withCharRange('a', 'z').withChars(' ', '-', 'é', '中', '한')
                    .ofMinLength(Math.max(min, 1)).ofMaxLength(Math.max(max, 1)).filter(t -> !t.isBlank());
        };
    }

    static Arbitrary<Instant> instants() {
        return Arbitraries.oneOf(Arbitraries.longs().between(PAST_FROM, PAST_TO), Arbitraries.longs().between(FUTURE_FROM, FUTURE_TO))
                .map(Instant::ofEpochSecond).map(i -> i.truncatedTo(ChronoUnit.SECONDS));
    }

    private static Arbitrary<Long> integer(JsonNode s) {
        long min = s.has("minimum") ? s.get("minimum").asLong() : -1000;
        long max = s.has("maximum") ? s.get("maximum").asLong() : Math.max(min + 1000, 1000);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(min, Math.min(max, min + 100))),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(min, max)));
    }

    private Arbitrary<JsonNode> array(JsonNode s, String name) {
        int min = s.path("minItems").asInt(0);
        int max = Math.min(s.path("maxItems").asInt(min + 3), min + 3);
        var items = value(s.path("items"), singular(name)).list().ofMinSize(min).ofMaxSize(max);
        if (s.path("uniqueItems").asBoolean(false)) {
            items = items.uniqueElements();
        }
        return items.map(list -> {
            ArrayNode out = JSON.arrayNode();
            list.forEach(out::add);
            return out;
        });
    }

    private Arbitrary<JsonNode> object(JsonNode s) {
        JsonNode properties = s.path("properties");
        List<String> required = new ArrayList<>();
        s.path("required").forEach(r -> required.add(r.asString()));
        List<Arbitrary<Map.Entry<String, JsonNode>>> members = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            Arbitrary<Map.Entry<String, JsonNode>> member = hinted(p.getKey(), p.getValue()).map(v -> Map.entry(p.getKey(), v));
            members.add(required.contains(p.getKey()) ? member : member.injectNull(0.5));
        }
        if (members.isEmpty()) {
            return Arbitraries.just(JSON.objectNode());
        }
        return Combinators.combine(members).as(entries -> {
            ObjectNode out = JSON.objectNode();
            entries.stream().filter(java.util.Objects::nonNull).forEach(e -> out.set(e.getKey(), e.getValue()));
            return out;
        });
    }

    /** A member whose value the network offers whole (a ninjs document that passes IPTC's schema, say), or from its schema. */
    private Arbitrary<JsonNode> hinted(String name, JsonNode schema) {
        Arbitrary<JsonNode> generated = value(schema, name);
        return hint.apply("json:" + name)
                .map(k -> Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, k.map(t -> (JsonNode) ponte.formats.NinjsWriter.mapper().readTree(t))),
                        net.jqwik.api.Tuple.of(1, generated)))
                .orElse(generated);
    }

    /** "products" names the members of a list of "product"s, for hints. */
    private static String singular(String name) {
        return name.endsWith("ies") ? name.substring(0, name.length() - 3) + "y" : name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }
}

package ponte.formats;

import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps documents between ninjs 3.1 and ninjs 2.2, guided by IPTC's two schemas rather than by a list of our own.
 * 3.0 renamed the 2.x properties to camelCase ("versioncreated" became "versionCreated", "geojson" "geoJSON") and
 * "embargoed" to "embargoedUntil", and added properties 2.2 does not have (eventDetails, plannedCoverage, rendition
 * details, the types "event" and "planning"). A property is carried over when the target schema declares it at that
 * place under the same name ignoring case (or under its renamed name), and only with a value the target allows there:
 * what the target cannot say is left out, so every mapped document is valid in the target version. Thread-safe.
 */
public final class NinjsVersions {
    public static final String SCHEMA_22 = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json";
    public static final String SCHEMA_31 = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json";
    // The one rename that is more than a change of case (ninjs 3.0 changelog).
    private static final Map<String, String> TO_22 = Map.of("embargoeduntil", "embargoed");
    private static final Map<String, String> TO_31 = Map.of("embargoed", "embargoedUntil");

    private final JsonNode schema22;
    private final JsonNode schema31;
    private final Set<String> only22;

    public NinjsVersions(NinjsSchema version31, NinjsSchema version22) {
        this.schema31 = version31.document();
        this.schema22 = version22.document();
        Set<String> names22 = new HashSet<>();
        Set<String> names31 = new HashSet<>();
        propertyNames(schema22, names22);
        propertyNames(schema31, names31);
        names22.removeAll(names31);
        this.only22 = Set.copyOf(names22);
    }

    /** The ninjs 2.2 form of a ninjs 3.1 document (what a ninjs 2 receiver gets). */
    public ObjectNode to22(ObjectNode ninjs31) {
        return convert(ninjs31, schema22, TO_22, "2.2", SCHEMA_22);
    }

    /** The ninjs 3.1 form of a ninjs 2.x document (what Ponte stores when it ingests one). */
    public ObjectNode to31(ObjectNode ninjs22) {
        return convert(ninjs22, schema31, TO_31, "3.1", SCHEMA_31);
    }

    /**
     * Whether a ninjs document is of 2.x: it says so in "standard", or uses, at any depth, a name that only 2.x has
     * ("versioncreated", "contenttype", ...). A document using neither is read as 3.x, where most names are the same.
     */
    public boolean isVersion2(JsonNode ninjs) {
        String declared = ninjs.path("standard").path("version").asString("");
        if (!declared.isEmpty()) {
            return declared.startsWith("1.") || declared.startsWith("2.");
        }
        return usesAny(ninjs, only22);
    }

    private static boolean usesAny(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (names.contains(field.getKey()) || usesAny(field.getValue(), names)) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (usesAny(element, names)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void propertyNames(JsonNode schema, Set<String> out) {
        if (schema.isObject()) {
            schema.path("properties").propertyNames().forEach(out::add);
            for (JsonNode child : schema) {
                propertyNames(child, out);
            }
        } else if (schema.isArray()) {
            schema.forEach(child -> propertyNames(child, out));
        }
    }

    private ObjectNode convert(ObjectNode document, JsonNode schema, Map<String, String> renames, String version, String schemaUri) {
        JsonNode mapped = new Walk(schema, renames).value(document, schema);
        ObjectNode out = mapped instanceof ObjectNode o ? o : Json.MAPPER.createObjectNode();
        if (!out.has("uri") && document.has("uri")) {
            out.set("uri", document.get("uri"));
        }
        if (out.has("standard")) { // a document that names its standard must name the one it now is
            ((ObjectNode) out.get("standard")).put("name", "ninjs").put("version", version).put("schema", schemaUri);
        }
        return out;
    }

    /** One conversion: the target schema is walked in step with the document. */
    private record Walk(JsonNode root, Map<String, String> renames) {
        JsonNode value(JsonNode value, JsonNode schema) {
            JsonNode resolved = resolve(schema);
            if (resolved.has("enum") && !contains(resolved.get("enum"), value)) {
                return null;
            }
            if (!typeAllows(resolved.path("type").asString(""), value)) {
                return null;
            }
            if (value.isObject() && hasProperties(schema)) {
                return object((ObjectNode) value, schema);
            }
            if (value.isArray() && resolved.has("items")) {
                ArrayNode out = Json.MAPPER.createArrayNode();
                for (JsonNode element : value) {
                    JsonNode mapped = value(element, resolved.get("items"));
                    if (mapped != null) {
                        out.add(mapped);
                    }
                }
                return out;
            }
            return value.deepCopy(); // a leaf, or a structure the schema leaves open (GeoJSON)
        }

        private ObjectNode object(ObjectNode value, JsonNode schema) {
            ObjectNode out = Json.MAPPER.createObjectNode();
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                Optional<String> target = targetName(schema, field.getKey());
                if (target.isEmpty()) {
                    continue;
                }
                JsonNode mapped = value(field.getValue(), property(schema, target.get()));
                if (mapped != null) {
                    out.set(target.get(), mapped);
                }
            }
            for (JsonNode required : required(schema)) {
                if (!out.has(required.asString())) {
                    return null; // an object the target cannot hold without a member it does not have (e.g. a rendition without name)
                }
            }
            return out;
        }

        private Optional<String> targetName(JsonNode schema, String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            String renamed = renames.getOrDefault(lower, lower);
            for (String candidate : propertyNames(schema)) {
                if (candidate.equalsIgnoreCase(renamed)) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        }

        /** A schema's declared property names, including those of the definition it $refs (associations do both). */
        private Iterable<String> propertyNames(JsonNode schema) {
            Set<String> names = new LinkedHashSet<>();
            for (JsonNode s = schema; s != null; s = internalRef(s)) {
                s.path("properties").propertyNames().forEach(names::add);
            }
            return names;
        }

        private JsonNode property(JsonNode schema, String name) {
            for (JsonNode s = schema; s != null; s = internalRef(s)) {
                JsonNode p = s.path("properties").get(name);
                if (p != null) {
                    return p;
                }
            }
            throw new IllegalStateException("no property " + name);
        }

        private ArrayNode required(JsonNode schema) {
            ArrayNode all = Json.MAPPER.createArrayNode();
            for (JsonNode s = schema; s != null; s = internalRef(s)) {
                s.path("required").forEach(all::add);
            }
            return all;
        }

        private boolean hasProperties(JsonNode schema) {
            return propertyNames(schema).iterator().hasNext();
        }

        private JsonNode resolve(JsonNode schema) {
            JsonNode ref = internalRef(schema);
            return ref == null ? schema : resolve(ref);
        }

        private JsonNode internalRef(JsonNode schema) {
            String ref = schema.path("$ref").asString("");
            return ref.startsWith("#/") ? root.at(ref.substring(1)) : null;
        }

        private static boolean contains(JsonNode values, JsonNode value) {
            for (Iterator<JsonNode> it = values.iterator(); it.hasNext(); ) {
                if (it.next().equals(value)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean typeAllows(String type, JsonNode value) {
            return switch (type) {
                case "string" -> value.isString();
                case "number" -> value.isNumber();
                case "integer" -> value.isIntegralNumber();
                case "boolean" -> value.isBoolean();
                case "object" -> value.isObject();
                case "array" -> value.isArray();
                default -> true;
            };
        }
    }
}

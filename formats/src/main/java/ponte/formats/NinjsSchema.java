package ponte.formats;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ponte.core.Invalid.Violation;
import tools.jackson.databind.JsonNode;

/**
 * IPTC's ninjs 3.1 JSON Schema (or, from {@link #version22()}, the 2.2 one), bundled in this jar (see NOTICE.md beside
 * it) and compiled once. Thread-safe: one instance serves every request.
 */
public final class NinjsSchema {
    private static final String FOLDER = "/ponte/formats/ninjs/";
    // ninjs 3.x $refs GeoJSON by this public URL; serving it from the jar keeps validation offline and deterministic.
    private static final String GEOJSON_ID = "https://geojson.org/schema/GeoJSON.json";
    private static final Set<String> PROPERTY_KEYWORDS = Set.of("required", "additionalProperties", "unevaluatedProperties");

    private final Schema schema;
    private final String version;
    private final Set<String> ninjsProperties;
    private final Set<String> associationProperties;

    /** ninjs 3.1, what Ponte stores and serves by default. */
    public NinjsSchema() {
        this("3.1");
    }

    /** ninjs 2.2, which receivers and agencies still on ninjs 2 speak. */
    public static NinjsSchema version22() {
        return new NinjsSchema("2.2");
    }

    private NinjsSchema(String version) {
        this.version = version;
        String geojson = resource("GeoJSON-schema.json");
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemas(Map.of(GEOJSON_ID, geojson))
                .schemaRegistryConfig(SchemaRegistryConfig.builder()
                        // In draft 2020-12 "format" is only an annotation unless asserted; ninjs leans on uri and date-time.
                        .formatAssertionsEnabled(true)
                        .pathType(PathType.JSON_POINTER)
                        .build()));
        this.schema = registry.getSchema(resource("ninjs-schema_" + version + ".json"), InputFormat.JSON);
        schema.initializeValidators(); // resolve every $ref now, not during the first request
        JsonNode root = schema.getSchemaNode();
        this.ninjsProperties = names(root.at("/$defs/ninjsType/properties"));
        Set<String> association = new HashSet<>(ninjsProperties);
        association.addAll(names(root.at("/$defs/ninjsType/properties/associations/items/properties")));
        this.associationProperties = Set.copyOf(association);
    }

    /**
     * Every way {@code document} breaks the schema, each with a JSON Pointer of {@code pointerPrefix} followed by the
     * offending location (for a missing or unknown property, the property itself), or none if it conforms.
     */
    public List<Violation> validate(JsonNode document, String pointerPrefix) {
        List<Error> errors = schema.validate(document);
        Set<Violation> violations = new LinkedHashSet<>();
        for (Error error : errors) {
            if (!isEcho(error)) {
                violations.add(new Violation(pointerPrefix + pointer(error), detail(error)));
            }
        }
        if (violations.isEmpty() && !errors.isEmpty()) { // filtering must never turn a refusal into an acceptance
            errors.forEach(error -> violations.add(new Violation(pointerPrefix + pointer(error), detail(error))));
        }
        return List.copyOf(violations);
    }

    /**
     * The root and each association are {@code $ref ninjsType} plus {@code unevaluatedProperties: false}. When anything
     * inside ninjsType fails, JSON Schema drops that subschema's annotations, so every declared property ("uri",
     * "headlines", ...) is then also reported as unevaluated. Those echoes name no fault of their own; the real error
     * is reported beside them. Undeclared properties are still reported.
     */
    private boolean isEcho(Error error) {
        if (!"unevaluatedProperties".equals(error.getKeyword()) || error.getProperty() == null) {
            return false;
        }
        return declaredAt(error.getInstanceLocation()).contains(error.getProperty());
    }

    private Set<String> declaredAt(NodePath location) {
        int depth = location.getNameCount();
        boolean association = depth >= 2
                && location.getElement(depth - 1) instanceof Integer
                && "associations".equals(location.getElement(depth - 2));
        return association ? associationProperties : ninjsProperties;
    }

    private static String pointer(Error error) {
        String location = error.getInstanceLocation().toString();
        if (PROPERTY_KEYWORDS.contains(error.getKeyword()) && error.getProperty() != null) {
            return location + "/" + escape(error.getProperty());
        }
        return location;
    }

    /** The version of ninjs this schema is, "3.1" or "2.2". */
    public String version() {
        return version;
    }

    private String detail(Error error) {
        return switch (error.getKeyword()) {
            case "unevaluatedProperties", "additionalProperties" -> "'" + error.getProperty() + "' is not a ninjs " + version + " property here";
            case "required" -> "'" + error.getProperty() + "' is required";
            default -> error.getMessage();
        };
    }

    // RFC 6901 section 3: "~" and "/" inside a reference token are written "~0" and "~1".
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static Set<String> names(JsonNode properties) {
        return Set.copyOf(properties.propertyNames());
    }

    /** The schema document itself, as JSON (read by {@link NinjsVersions} to map between versions). */
    JsonNode document() {
        return schema.getSchemaNode();
    }

    static String resource(String name) {
        try (InputStream in = NinjsSchema.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled schema " + FOLDER + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package ponte.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ponte.formats.NinjsWriter;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document the node serves, read as a test reads it: its operations, their parameters and bodies. */
final class ApiDocument {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** A parameter of an operation: in the path, the query or a header. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {}

    /** One documented operation, with the schema of its body by media type (an empty schema where none is given). */
    record Operation(String method, String path, List<Parameter> parameters, boolean bodyRequired, Map<String, JsonNode> bodies,
                     Map<String, JsonNode> examples, boolean authenticated) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final JsonNode root;

    private ApiDocument(JsonNode root) {
        this.root = root;
    }

    /** The document as the api module ships it. */
    static ApiDocument load() {
        try (InputStream in = ApiDocument.class.getResourceAsStream("/ponte/api/openapi.json")) {
            return new ApiDocument(NinjsWriter.mapper().readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A schema with its {@code $ref}, if it is one, followed (refs point into this document). */
    JsonNode resolve(JsonNode schema) {
        JsonNode at = schema;
        while (at.has("$ref")) {
            at = root.at(at.get("$ref").asString().substring(1));
        }
        return at;
    }

    List<Operation> operations() {
        boolean secured = root.path("security").size() > 0;
        List<Operation> out = new ArrayList<>();
        root.get("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            if (!METHODS.contains(entry.getKey())) {
                return;
            }
            JsonNode op = entry.getValue();
            List<Parameter> parameters = new ArrayList<>();
            for (JsonNode list : List.of(path.getValue().path("parameters"), op.path("parameters"))) {
                for (JsonNode p : list) {
                    JsonNode param = resolve(p);
                    parameters.add(new Parameter(param.get("name").asString(), param.get("in").asString(),
                            param.path("required").asBoolean(false), resolve(param.path("schema"))));
                }
            }
            Map<String, JsonNode> bodies = new LinkedHashMap<>();
            Map<String, JsonNode> examples = new LinkedHashMap<>();
            JsonNode body = resolve(op.path("requestBody"));
            body.path("content").properties().forEach(media -> {
                bodies.put(media.getKey(), media.getValue().path("schema"));
                media.getValue().path("examples").properties().forEach(ex -> examples.put(media.getKey() + "#" + ex.getKey(), resolve(ex.getValue()).path("value")));
                Optional.ofNullable(media.getValue().get("example")).ifPresent(ex -> examples.put(media.getKey(), ex));
            });
            boolean authenticated = op.has("security") ? op.get("security").size() > 0 : secured;
            out.add(new Operation(entry.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), List.copyOf(parameters),
                    body.path("required").asBoolean(false), bodies, examples, authenticated));
        }));
        return List.copyOf(out);
    }
}

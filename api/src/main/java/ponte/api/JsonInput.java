package ponte.api;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import ponte.core.Invalid;
import tools.jackson.databind.JsonNode;

/** Reading request fields with refusals that name the field by JSON Pointer. */
final class JsonInput {
    private JsonInput() {}

    static String text(JsonNode body, String field) {
        return optionalText(body, field).orElseThrow(() -> new Invalid("/" + field, field + " is required"));
    }

    static Optional<String> optionalText(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isString()) {
            throw new Invalid("/" + field, field + " must be a string");
        }
        return Optional.of(node.asString());
    }

    static Set<String> texts(JsonNode body, String field, boolean required) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new Invalid("/" + field, field + " is required");
            }
            return Set.of();
        }
        return textsAt(node, "/" + field);
    }

    static Set<String> textsAt(JsonNode node, String pointer) {
        if (!node.isArray()) {
            throw new Invalid(pointer, "must be an array of strings");
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isString()) {
                throw new Invalid(pointer + "/" + i, "must be a string");
            }
            out.add(node.get(i).asString());
        }
        return out;
    }

    static JsonNode object(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw new Invalid("/" + field, field + " is required");
        }
        if (!node.isObject()) {
            throw new Invalid("/" + field, field + " must be an object");
        }
        return node;
    }

    /** Runs a value constructor, re-pointing its refusal at the field it came from. */
    static <T> T at(String pointer, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (Invalid e) {
            throw new Invalid(pointer, e.getMessage());
        }
    }
}

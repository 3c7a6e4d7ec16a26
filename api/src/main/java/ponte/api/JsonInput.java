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

    /** A BCP 47 language tag (it, zh-Hans, en-GB) at {@code pointer}, or a refusal there. */
    static String languageTag(String value, String pointer) {
        if (!value.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")) {
            throw new Invalid(pointer, "a language is a BCP 47 tag such as it, zh-Hans or en-GB");
        }
        return value;
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

    /** An optional true or false at {@code at + "/" + field}; any other value is refused there. */
    static Optional<Boolean> optionalBoolean(JsonNode object, String at, String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            throw new Invalid(at + "/" + field, field + " must be true or false");
        }
        return Optional.of(node.booleanValue());
    }

    /**
     * An optional whole number from {@code min} to {@code max}; a string, a fraction or a number out of range is refused
     * at the field (1.0 is a whole number: JSON does not tell them apart, RFC 8259 section 6).
     */
    static Optional<Integer> optionalInt(JsonNode object, String field, int min, int max) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        String refusal = field + " must be a whole number from " + min + " to " + max;
        if (!node.isNumber() || !isWhole(node)) {
            throw new Invalid("/" + field, refusal);
        }
        java.math.BigDecimal value = node.decimalValue();
        if (value.compareTo(java.math.BigDecimal.valueOf(min)) < 0 || value.compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
            throw new Invalid("/" + field, refusal);
        }
        return Optional.of(value.intValueExact());
    }

    private static boolean isWhole(JsonNode number) {
        if (number.isIntegralNumber()) {
            return true;
        }
        if (number.isDouble() || number.isFloat()) {
            double d = number.doubleValue();
            return Double.isFinite(d) && d == Math.rint(d);
        }
        return number.decimalValue().stripTrailingZeros().scale() <= 0;
    }

    /**
     * Refuses, at its pointer, every string and member name in {@code node} that is not text Ponte can store: one
     * holding U+0000 (PostgreSQL's text cannot) or an unpaired surrogate (JSON allows the escape, but it encodes no
     * character: RFC 8259 section 8.2). Stored as it came, it would fail the write or be changed by it.
     */
    static void requireText(JsonNode node) {
        java.util.List<Invalid.Violation> violations = new java.util.ArrayList<>();
        collectNonText(node, "", violations);
        if (!violations.isEmpty()) {
            throw new Invalid(violations);
        }
    }

    private static void collectNonText(JsonNode node, String at, java.util.List<Invalid.Violation> violations) {
        if (violations.size() >= 20) {
            return;
        }
        if (node.isString() && !isText(node.asString())) {
            violations.add(new Invalid.Violation(at, NOT_TEXT));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectNonText(node.get(i), at + "/" + i, violations);
            }
        } else if (node.isObject()) {
            for (String name : node.propertyNames()) {
                String pointer = pointer(at, name);
                if (!isText(name)) {
                    violations.add(new Invalid.Violation(pointer, NOT_TEXT));
                } else {
                    collectNonText(node.get(name), pointer, violations);
                }
            }
        }
    }

    /** The pointer to member {@code name} of the object at {@code at}: RFC 6901 writes '~' as "~0" and '/' as "~1". */
    static String pointer(String at, String name) {
        return at + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    static final String NOT_TEXT = "must be Unicode text without U+0000 or unpaired surrogates";

    /** Whether a string is Unicode text Ponte can store: no U+0000, no unpaired surrogate. */
    static boolean isText(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Runs the constructor of an object read at {@code at}, whose refusals point at its own members: they are prefixed. */
    static <T> T within(String at, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (Invalid e) {
            throw new Invalid(e.violations().stream().map(v -> new Invalid.Violation(at + v.pointer(), v.detail())).toList());
        }
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

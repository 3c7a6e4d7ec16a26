package ponte.formats;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import ponte.core.Invalid;
import ponte.core.Invalid.Violation;
import ponte.core.items.Content;
import ponte.core.publishing.Desk;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads a ninjs document an editor files: checks it against the official schema and Ponte's own rules. */
public final class NinjsReader {
    static final int MAX_LANGUAGE = 35;
    private static final String POINTER = "/ninjs";
    // The schema's one required field is "uri", which Ponte assigns when the client has none; validating with a
    // stand-in of the form Ponte assigns checks everything else without inventing a rule of our own.
    private static final String PENDING_URI = Desk.URI_PREFIX + "pending";

    private final NinjsSchema schema;

    public NinjsReader(NinjsSchema schema) {
        this.schema = schema;
    }

    /**
     * The document as {@link Content}, stored compactly exactly as given (without any uri Ponte will assign).
     *
     * @throws Invalid listing every violation, each pointing into {@code /ninjs}
     */
    public Content read(JsonNode ninjs) {
        if (!(ninjs instanceof ObjectNode document)) {
            throw new Invalid(POINTER, "ninjs must be a JSON object");
        }
        List<Violation> violations = new ArrayList<>(schema.validate(withUri(document), POINTER));
        if (text(document, "pubStatus").filter("canceled"::equals).isPresent()) {
            violations.add(new Violation(POINTER + "/pubStatus",
                    "pubStatus 'canceled' cannot be filed: kill the item with DELETE, giving a reason"));
        }
        text(document, "language").filter(tag -> !wellFormedLanguage(tag)).ifPresent(tag -> violations.add(new Violation(
                POINTER + "/language", "language must be a BCP 47 tag of at most " + MAX_LANGUAGE + " characters, e.g. it, zh-Hans or en-GB")));
        if (!violations.isEmpty()) {
            throw new Invalid(violations);
        }
        return new Content(
                Json.MAPPER.writeValueAsString(document),
                text(document, "language"),
                text(document, "embargoedUntil").map(NinjsReader::instant),
                text(document, "type").orElse("text"),
                headline(document));
    }

    /**
     * The schema takes any string as a language; licences, routes and search key on it, so it must be a tag. 35
     * characters is what RFC 5646 section 4.4.1 asks every implementation to keep.
     */
    private static boolean wellFormedLanguage(String tag) {
        if (tag.length() > MAX_LANGUAGE) {
            return false;
        }
        try {
            new java.util.Locale.Builder().setLanguageTag(tag);
            return true;
        } catch (java.util.IllformedLocaleException e) {
            return false;
        }
    }

    /** The uri the client chose, if any. */
    public Optional<String> uri(JsonNode ninjs) {
        return ninjs == null ? Optional.empty() : text(ninjs, "uri");
    }

    private static JsonNode withUri(ObjectNode document) {
        if (document.has("uri")) {
            return document;
        }
        // A shallow copy: validation only reads, and the stored document must stay as the client sent it.
        return Json.MAPPER.createObjectNode().put("uri", PENDING_URI).setAll(document);
    }

    /** The "main" headline, else the first: ninjs leaves roles to the provider, "main" is IPTC's own usage. */
    private static Optional<String> headline(JsonNode document) {
        JsonNode headlines = document.path("headlines");
        for (JsonNode headline : headlines) {
            if (text(headline, "role").filter("main"::equals).isPresent()) {
                return text(headline, "value");
            }
        }
        return text(headlines.path(0), "value");
    }

    // The schema has already checked "format": "date-time" (RFC 3339), which allows an offset and a lower-case t/z;
    // Instant.parse accepts offsets (JDK 12+) and a leap second, but only upper case.
    private static Instant instant(String rfc3339) {
        try {
            return Instant.parse(rfc3339.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new Invalid(POINTER + "/embargoedUntil", "embargoedUntil must be an RFC 3339 date-time, e.g. 2026-05-01T06:00:00Z");
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? Optional.of(value.stringValue()) : Optional.empty();
    }
}

package ponte.formats;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What the XML formats read out of a rendered ninjs 3.1 document: headline, summary, body, dates, renditions, terms.
 * Atom, RSS and NewsML-G2 are all written from these, so they say the same things about an item.
 */
record Facts(JsonNode ninjs) {
    /** A rendition or an association's rendition: a file a reader can fetch. */
    record Rendition(String name, String href, Optional<String> contentType, Optional<Long> size, Optional<Integer> width,
                     Optional<Integer> height, Optional<Double> duration, Optional<String> title) {}

    /** A body: the text and its media type (text/plain when the document does not say). */
    record Body(String value, String contentType) {
        boolean isHtml() {
            return contentType.toLowerCase(Locale.ROOT).contains("html");
        }
    }

    String uri() {
        return ninjs.path("uri").asString();
    }

    Optional<String> text(String field) {
        JsonNode value = ninjs.get(field);
        return value != null && value.isString() && !value.asString().isBlank() ? Optional.of(value.asString()) : Optional.empty();
    }

    String type() {
        return text("type").orElse("text");
    }

    Optional<String> language() {
        return text("language");
    }

    int version() {
        try {
            return Math.max(1, Integer.parseInt(text("version").orElse("1")));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The "main" headline, else the first; else the title or slugline, else the uri: every format needs a title. */
    String title() {
        return valueWithRole("headlines", "main").or(() -> text("title")).or(() -> text("slugline")).orElse(uri());
    }

    Optional<String> headline() {
        return valueWithRole("headlines", "main");
    }

    /** A summary or abstract description, else the first description. */
    Optional<String> summary() {
        return valueWithRole("descriptions", "summary");
    }

    Optional<Body> body() {
        for (JsonNode body : ninjs.path("bodies")) {
            if (body.path("value").isString()) {
                return Optional.of(new Body(body.path("value").asString(), body.path("contentType").asString("text/plain")));
            }
        }
        return Optional.empty();
    }

    Instant versionCreated() {
        return instant("versionCreated").orElse(Instant.EPOCH);
    }

    Optional<Instant> instant(String field) {
        return text(field).flatMap(Facts::parse);
    }

    boolean canceled() {
        return text("pubStatus").filter("canceled"::equals).isPresent();
    }

    String pubStatus() {
        return text("pubStatus").orElse("usable");
    }

    Optional<String> usageTerms() {
        return text("usageTerms");
    }

    Optional<String> encodedRights() {
        JsonNode rights = ninjs.path("rightsInfo").path("encodedRights");
        return rights.isString() ? Optional.of(rights.asString()) : Optional.empty();
    }

    Optional<String> rightsLanguage() {
        JsonNode id = ninjs.path("rightsInfo").path("langId");
        return id.isString() ? Optional.of(id.asString()) : Optional.empty();
    }

    /** The item's renditions, then its associations' (a text's picture), each with an href. */
    List<Rendition> renditions() {
        List<Rendition> out = new ArrayList<>();
        addRenditions(ninjs, out);
        for (JsonNode association : ninjs.path("associations")) {
            addRenditions(association, out);
        }
        return out;
    }

    List<JsonNode> associations() {
        List<JsonNode> out = new ArrayList<>();
        ninjs.path("associations").forEach(out::add);
        return out;
    }

    /** Subjects as (name, uri or literal) pairs; one of the two may be empty. */
    List<String[]> subjects() {
        List<String[]> out = new ArrayList<>();
        for (JsonNode subject : ninjs.path("subjects")) {
            String name = subject.path("name").asString("");
            String code = subject.path("uri").asString(subject.path("literal").asString(""));
            if (!name.isEmpty() || !code.isEmpty()) {
                out.add(new String[] {name, code});
            }
        }
        return out;
    }

    private Optional<String> valueWithRole(String array, String role) {
        JsonNode values = ninjs.path(array);
        for (JsonNode value : values) {
            if (role.equals(value.path("role").asString("")) && value.path("value").isString()) {
                return Optional.of(value.path("value").asString());
            }
        }
        JsonNode first = values.path(0).path("value");
        return first.isString() ? Optional.of(first.asString()) : Optional.empty();
    }

    private static void addRenditions(JsonNode node, List<Rendition> out) {
        for (JsonNode r : node.path("renditions")) {
            if (!r.path("href").isString()) {
                continue;
            }
            out.add(new Rendition(r.path("name").asString(""), r.path("href").asString(), optionalText(r, "contentType"),
                    r.path("sizeInBytes").isNumber() ? Optional.of(r.path("sizeInBytes").asLong()) : Optional.empty(),
                    r.path("width").isNumber() ? Optional.of(r.path("width").asInt()) : Optional.empty(),
                    r.path("height").isNumber() ? Optional.of(r.path("height").asInt()) : Optional.empty(),
                    r.path("duration").isNumber() ? Optional.of(r.path("duration").asDouble()) : Optional.empty(),
                    optionalText(r, "title")));
        }
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        return node.path(field).isString() ? Optional.of(node.path(field).asString()) : Optional.empty();
    }

    static Optional<Instant> parse(String rfc3339) {
        try {
            return Optional.of(Instant.parse(rfc3339.strip().toUpperCase(Locale.ROOT)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

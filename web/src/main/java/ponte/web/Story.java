package ponte.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ponte.core.Invalid;
import ponte.core.items.Version;
import ponte.core.orgs.Territories;
import ponte.formats.NinjsWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the desk's compose form holds, both ways: read from a posted form (and turned into the ninjs document the API
 * would have been sent), or read from a stored version to edit it. Rules about the document stay where they are:
 * the formats adapter's reader validates it against IPTC's schema, core's Publishing decides the rest.
 *
 * @param embargo a time in UTC as the form's datetime-local input gives it ("2026-02-06T19:00"), or empty
 * @param media   the ids of the org's media files attached, in the order chosen
 */
public record Story(String headline, String body, String language, String type, Set<String> products, String embargo,
                    String include, String exclude, String translationOf, List<String> media) {
    /** A rendition of Ponte's own files names the file in its href: {@code …/v1/media/<id>/renditions/<name>}. */
    private static final java.util.regex.Pattern MEDIA_HREF = java.util.regex.Pattern.compile("/v1/media/([^/]+)/renditions/");

    public Story {
        media = List.copyOf(media);
    }

    /** The languages the form offers (BCP 47); the item keeps its own tag, shown in its own {@code lang}. */
    public static final List<String> LANGUAGES = List.of("it", "en", "zh-Hans", "zh-Hant", "ko", "ja", "es", "pt", "fr", "de", "ar", "ru");
    public static final List<String> TYPES = List.of("text", "picture", "video", "audio", "graphic", "composite");

    public static Story blank() {
        return new Story("", "", "it", "text", Set.of(), "", "", "", "", List.of());
    }

    public static Story from(Visit visit) {
        return new Story(visit.field("headline").orElse("").strip(), visit.field("body").orElse(""), visit.field("language").orElse(""),
                visit.field("type").orElse("text"), new LinkedHashSet<>(visit.fields("products")), visit.field("embargo").orElse("").strip(),
                visit.field("include").orElse("").strip(), visit.field("exclude").orElse("").strip(), visit.field("translationOf").orElse("").strip(),
                List.copyOf(new LinkedHashSet<>(visit.fields("media"))));
    }

    /** A stored version, to edit: its first headline and body as plain text, and the files its renditions come from. */
    public static Story of(Version version) {
        JsonNode ninjs = NinjsWriter.mapper().readTree(version.content().ninjs());
        String body = "";
        for (JsonNode b : ninjs.path("bodies")) {
            body = b.path("value").asString("");
            break;
        }
        String embargo = version.content().embargoedUntil().map(t -> LocalDateTime.ofInstant(t, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString()).orElse("");
        return new Story(version.content().headline().orElse(""), body, version.content().language().orElse(""), version.content().type(),
                new LinkedHashSet<>(version.products().stream().map(p -> p.value()).toList()), embargo,
                version.rights().everywhere() ? "" : String.join(" ", version.rights().includeWire()), String.join(" ", version.rights().excludeWire()), "", media(ninjs));
    }

    private static List<String> media(JsonNode ninjs) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode r : ninjs.path("renditions")) {
            java.util.regex.Matcher m = MEDIA_HREF.matcher(r.path("href").asString(""));
            if (m.find()) {
                ids.add(m.group(1));
            }
        }
        return List.copyOf(ids);
    }

    /**
     * The API's request for this story ({@code POST /v1/items}, or with {@code signal} a {@code PUT /v1/items/{id}}):
     * what a publish held for its media keeps, to go out through the API's own path once the files are ready.
     */
    public ObjectNode request(Optional<String> signal) {
        ObjectNode body = NinjsWriter.mapper().createObjectNode();
        body.set("ninjs", ninjs());
        if (signal.isPresent()) {
            body.put("signal", signal.get());
        } else {
            products.forEach(body.withArray("products")::add);
            ObjectNode territories = body.putObject("rights").putObject("territories");
            rights().includeWire().forEach(territories.withArray("include")::add);
            rights().excludeWire().forEach(territories.withArray("exclude")::add);
            if (!translationOf.isBlank()) {
                body.put("translationOf", translationOf);
            }
        }
        media.forEach(body.withArray("media")::add);
        return body;
    }

    /** The ninjs 3.1 document for this story: a main headline, a plain-text body, language, type and embargo. */
    public JsonNode ninjs() {
        List<Invalid.Violation> problems = new ArrayList<>();
        if (headline.isBlank()) {
            problems.add(new Invalid.Violation("/headline", "headline"));
        }
        Optional<Instant> until = embargoInstant(problems);
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        ObjectNode doc = NinjsWriter.mapper().createObjectNode();
        doc.put("type", type.isBlank() ? "text" : type);
        if (!language.isBlank()) {
            doc.put("language", language);
        }
        doc.putArray("headlines").addObject().put("role", "main").put("value", headline);
        if (!body.isBlank()) {
            doc.putArray("bodies").addObject().put("role", "text").put("contentType", "text/plain").put("value", body);
        }
        until.ifPresent(t -> doc.put("embargoedUntil", t.toString()));
        return doc;
    }

    private Optional<Instant> embargoInstant(List<Invalid.Violation> problems) {
        if (embargo.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(embargo).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            problems.add(new Invalid.Violation("/embargo", "embargo"));
            return Optional.empty();
        }
    }

    /** The territories the rights allow: worldwide unless countries are named (ISO 3166-1 alpha-2, space or comma separated). */
    public Territories rights() {
        Set<String> in = codes(include);
        Set<String> out = codes(exclude);
        try {
            return Territories.of(in.isEmpty() ? Set.of("*") : in, out);
        } catch (Invalid e) {
            throw new Invalid("/include", "territories");
        }
    }

    private static Set<String> codes(String text) {
        Set<String> codes = new LinkedHashSet<>();
        Arrays.stream(text.split("[\\s,]+")).filter(s -> !s.isBlank()).forEach(s -> codes.add(s.toUpperCase(java.util.Locale.ROOT)));
        return codes;
    }
}

package ponte.formats;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import ponte.core.campaigns.Disclosure;
import tools.jackson.databind.JsonNode;

/** Reads an offer's disclosure out of a stored ninjs 3.1 document: sponsors, usageTerms, expires. */
public final class NinjsDisclosure implements Disclosure.Reader {
    @Override
    public Disclosure of(String ninjs) {
        JsonNode doc = Json.MAPPER.readTree(ninjs);
        Set<String> sponsors = new HashSet<>();
        for (JsonNode source : doc.path("infoSources")) {
            if ("sponsor".equals(source.path("role").asString(""))) {
                sponsors.add(source.path("name").asString(source.path("uri").asString("sponsor")));
            }
        }
        Optional<String> terms = Optional.of(doc.path("usageTerms").asString("")).filter(s -> !s.isBlank());
        return new Disclosure(sponsors, terms, instant(doc.path("expires").asString("")));
    }

    private static Optional<Instant> instant(String text) {
        try {
            return text.isBlank() ? Optional.empty() : Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty(); // the schema checked the format when the item came in; an odd one discloses nothing
        }
    }
}

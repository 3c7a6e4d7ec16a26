package ponte.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Times as requests give them: RFC 3339 date-times, whose years have four digits (section 5.6). {@link Instant#parse}
 * also takes years such as -999999999, which fit no store and overflow epoch milliseconds: they are not RFC 3339,
 * and are refused like any other text that is not a time.
 */
final class Rfc3339 {
    private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private Rfc3339() {}

    /** The instant, or empty when the text is not an RFC 3339 date-time (a lower-case 't' or 'z' is allowed). */
    static Optional<Instant> instant(String text) {
        try {
            Instant at = Instant.parse(text.toUpperCase(Locale.ROOT));
            return at.isBefore(FIRST) || at.isAfter(LAST) ? Optional.empty() : Optional.of(at);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

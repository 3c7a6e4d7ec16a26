package ponte.core.access;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import ponte.core.Invalid;

/**
 * A place in an org's keys, listed in order of issue (ties by id): the listing's cursor. It names the last key shown
 * by its issue time as well as its id, so a page still follows on after that key has been revoked.
 */
public record KeyPosition(Instant createdAt, KeyId id) {
    public KeyPosition {
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(id);
    }

    /** {@code k<issue time in epoch microseconds, base 36>.<id>}: opaque to clients, URL-safe. */
    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        return "k" + Long.toString(micros, 36) + "." + id.value();
    }

    /** Reads a cursor this class encoded; anything else is refused at {@code /<parameter>}. */
    public static KeyPosition parse(String parameter, String cursor) {
        Invalid refusal = new Invalid("/" + parameter, parameter + " must be a cursor from an earlier page of keys");
        int dot = cursor.indexOf('.');
        if (!cursor.startsWith("k") || dot < 2 || dot > 14) {
            throw refusal;
        }
        try {
            long micros = Long.parseLong(cursor.substring(1, dot), 36);
            Instant createdAt = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
            if (micros < 0 || createdAt.isAfter(Key.LATEST)) {
                throw refusal;
            }
            return new KeyPosition(createdAt, new KeyId(cursor.substring(dot + 1)));
        } catch (NumberFormatException | Invalid | ArithmeticException e) {
            throw refusal;
        }
    }
}

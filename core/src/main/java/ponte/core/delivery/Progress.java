package ponte.core.delivery;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import ponte.core.log.Cursor;

/**
 * How far an endpoint has got, durably: every entry up to {@code cursor} is delivered, dead-lettered or not for it.
 * {@code pending} is the entry being retried, if one is; {@code failingSince} the first failure since the last
 * success. {@code epoch} changes when the cursor is moved by hand (replay), so an outcome that was in flight then
 * cannot move it forward again.
 */
public record Progress(Cursor cursor, long epoch, Optional<Pending> pending, Optional<Instant> failingSince) {
    /** The entry at the head of the endpoint's line, with the attempts made on it and when the next is due. */
    public record Pending(Cursor entry, int attempts, Instant nextAttempt) {
        public Pending {
            Objects.requireNonNull(entry);
            Objects.requireNonNull(nextAttempt);
        }
    }

    public Progress {
        Objects.requireNonNull(cursor);
        Objects.requireNonNull(pending);
        Objects.requireNonNull(failingSince);
    }

    public static Progress at(Cursor cursor) {
        return new Progress(cursor, 0, Optional.empty(), Optional.empty());
    }

    /** Attempts already made on {@code entry} (0 when another entry, or none, is pending). */
    public int attemptsOn(Cursor entry) {
        return pending.filter(p -> p.entry().equals(entry)).map(Pending::attempts).orElse(0);
    }
}

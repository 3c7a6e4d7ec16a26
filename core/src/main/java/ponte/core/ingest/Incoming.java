package ponte.core.ingest;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import ponte.core.items.Content;

/**
 * One entry of a foreign document, as the formats adapter read it: a usable item (already valid ninjs 3.1), a
 * withdrawal (canceled, deleted, a tombstone), or something that could not be read, with why. {@code uri} is the
 * item's identity across polls and files (the entry's guid, id or uri).
 */
public sealed interface Incoming {
    String uri();

    /** When the source last changed the entry, if it says. */
    Optional<Instant> updated();

    record Usable(String uri, Content content, boolean correction, Optional<Instant> updated) implements Incoming {
        public Usable {
            Objects.requireNonNull(uri);
            Objects.requireNonNull(content);
        }
    }

    record Canceled(String uri, String reason, Optional<Instant> updated) implements Incoming {}

    /** {@code uri} names the entry as best it can be named (its id, or its position when it has none). */
    record Malformed(String uri, String detail) implements Incoming {
        @Override
        public Optional<Instant> updated() {
            return Optional.empty();
        }
    }
}

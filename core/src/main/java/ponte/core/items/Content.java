package ponte.core.items;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A ninjs document as the editor sent it (already validated by the formats adapter), with the facts the rules
 * need read out of it. Core never parses JSON: the adapter that read the document extracted these.
 */
public record Content(String ninjs, Optional<String> language, Optional<Instant> embargoedUntil, String type, Optional<String> headline) {
    public Content {
        Objects.requireNonNull(ninjs);
        Objects.requireNonNull(type);
    }
}

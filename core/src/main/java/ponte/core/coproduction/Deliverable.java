package ponte.core.coproduction;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Something the project promises to deliver, and by when. */
public record Deliverable(String title, Optional<Instant> due) {
    public Deliverable {
        Objects.requireNonNull(title);
        Objects.requireNonNull(due);
    }
}

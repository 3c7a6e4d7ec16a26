package ponte.core.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The secrets an endpoint's deliveries are signed with: the current one and, for a while after a rotation, the
 * previous one too, so a receiver can switch secrets without losing a delivery (both signatures go in the header).
 */
public record Secrets(Secret current, Optional<Secret> previous, Optional<Instant> previousUntil) {
    /** How long the old secret keeps signing after a rotation. */
    public static final Duration OVERLAP = Duration.ofHours(24);

    public Secrets {
        Objects.requireNonNull(current);
        if (previous.isPresent() != previousUntil.isPresent()) {
            throw new IllegalArgumentException("a previous secret comes with the time it stops signing");
        }
    }

    public static Secrets of(Secret current) {
        return new Secrets(current, Optional.empty(), Optional.empty());
    }

    /** The secrets that sign a delivery made at {@code now}, current first. */
    public List<Secret> signing(Instant now) {
        if (previous.isPresent() && now.isBefore(previousUntil.get())) {
            return List.of(current, previous.get());
        }
        return List.of(current);
    }

    public Secrets rotate(Secret fresh, Instant now) {
        return new Secrets(fresh, Optional.of(current), Optional.of(now.plus(OVERLAP)));
    }
}

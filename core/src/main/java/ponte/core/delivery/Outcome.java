package ponte.core.delivery;

import java.util.Objects;
import java.util.Optional;

/**
 * What one attempt changes, written in one transaction: the attempt itself; for an entry of the endpoint's line the
 * progress it leads to (for a re-sent dead letter, none); the reach fact if it was delivered; a dead letter if the
 * schedule ran out; the endpoint disabled, with why, if it must be.
 *
 * @param epoch the endpoint's epoch the attempt was made under
 */
public record Outcome(Attempt attempt, long epoch, Optional<Progress> progress, Optional<Delivered> delivered,
                      Optional<DeadLetter> deadLetter, Optional<String> disabled) {
    public Outcome {
        Objects.requireNonNull(attempt);
        Objects.requireNonNull(progress);
        Objects.requireNonNull(delivered);
        Objects.requireNonNull(deadLetter);
        Objects.requireNonNull(disabled);
    }

    public boolean resend() {
        return progress.isEmpty();
    }
}

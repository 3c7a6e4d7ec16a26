package ponte.core.campaigns;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Viewers of a live event as its channel's partner counted them at one moment: {@code concurrent} watching then, and
 * {@code unique} the distinct viewers since the stream began, when the partner's platform counts them.
 */
public record ViewerSample(Instant at, long concurrent, OptionalLong unique) {
    public ViewerSample {
        Objects.requireNonNull(at);
        Objects.requireNonNull(unique);
        if (concurrent < 0 || unique.orElse(0) < 0) {
            throw new IllegalArgumentException("viewers are counted from zero");
        }
    }
}

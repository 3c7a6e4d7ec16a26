package ponte.core.campaigns;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A followed tracked link, as counted: no address, no user agent, at most the visitor's hash under the day's salt,
 * which links one visitor's clicks within that day and nothing else.
 *
 * @param bot a declared crawler or a prefetch, counted apart from people
 */
public record Click(String code, Instant at, Optional<String> visitor, boolean bot) {
    public Click {
        Objects.requireNonNull(code);
        Objects.requireNonNull(at);
        Objects.requireNonNull(visitor);
    }
}

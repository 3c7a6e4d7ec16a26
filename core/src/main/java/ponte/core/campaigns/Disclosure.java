package ponte.core.campaigns;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an item presenting an offer tells every reader: who paid for it ({@code infoSources} with role
 * {@code sponsor}), on what terms ({@code usageTerms}, which partners receive ahead of their licence's sentence) and
 * until when ({@code expires}). Ponte checks it; it does not write it, because the item and its versions are the
 * editor's, and a version Ponte made would be one no editor wrote.
 */
public record Disclosure(Set<String> sponsors, Optional<String> usageTerms, Optional<Instant> expires) {
    public Disclosure {
        sponsors = Set.copyOf(sponsors);
        Objects.requireNonNull(usageTerms);
        Objects.requireNonNull(expires);
    }

    /** Port: reads the disclosure out of a stored ninjs document (core parses no JSON). */
    @FunctionalInterface
    public interface Reader {
        Disclosure of(String ninjs);
    }
}

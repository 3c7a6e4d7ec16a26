package ponte.core.coproduction;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import ponte.core.access.KeyId;
import ponte.core.orgs.OrgId;

/**
 * One step in a co-produced item's history, as its parties read it: a draft made ({@code drafted}), approved or
 * rejected by a party, withdrawn before any release, or a version on the content log ({@code published},
 * {@code updated}, {@code corrected}, {@code killed}), with the draft it released.
 */
public record Step(String event, Optional<Integer> draft, Optional<Integer> version, Optional<OrgId> org, Optional<String> comment,
                   Optional<KeyId> key, Instant at, Optional<Draft> content) {
    public Step {
        Objects.requireNonNull(event);
        Objects.requireNonNull(draft);
        Objects.requireNonNull(version);
        Objects.requireNonNull(org);
        Objects.requireNonNull(comment);
        Objects.requireNonNull(key);
        Objects.requireNonNull(at);
        Objects.requireNonNull(content);
    }
}

package ponte.core.coproduction;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import ponte.core.access.KeyId;
import ponte.core.items.ItemId;
import ponte.core.orgs.OrgId;

/** A party's editor approving or rejecting one draft, with a comment (a rejection always says why). */
public record Signoff(ItemId item, int draft, OrgId org, boolean approved, Optional<String> comment, Optional<KeyId> key, Instant at) {
    public Signoff {
        Objects.requireNonNull(item);
        Objects.requireNonNull(org);
        Objects.requireNonNull(comment);
        Objects.requireNonNull(key);
        Objects.requireNonNull(at);
    }
}

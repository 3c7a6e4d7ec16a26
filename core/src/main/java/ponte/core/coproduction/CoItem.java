package ponte.core.coproduction;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import ponte.core.items.ItemId;
import ponte.core.orgs.OrgId;

/**
 * An item a co-production makes: owned by every party from its first draft on, it reaches the content log only as
 * versions every party approved. {@code withdrawn} says why a party withdrew it before any version was released.
 */
public record CoItem(ItemId id, String project, String uri, Set<OrgId> owners, Instant createdAt, Optional<Withdrawal> withdrawn) {
    public CoItem {
        Objects.requireNonNull(id);
        Objects.requireNonNull(project);
        Objects.requireNonNull(uri);
        owners = Set.copyOf(owners);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(withdrawn);
    }

    /** A party's withdrawal of an item none of whose drafts was released yet. */
    public record Withdrawal(OrgId by, String reason, Instant at) {}
}

package ponte.core.coproduction;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import ponte.core.items.ItemId;
import ponte.core.orgs.OrgId;

/**
 * An item whose versions are held outside the content log until an editor of every owner approved each: one a
 * co-production makes (owned by every party from its first draft on), or a machine translation ({@code project} empty
 * unless its source was co-produced). {@code withdrawn} says why an owner withdrew it before any version was released.
 */
public record CoItem(ItemId id, Optional<String> project, String uri, Set<OrgId> owners, Instant createdAt, Optional<Withdrawal> withdrawn) {
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

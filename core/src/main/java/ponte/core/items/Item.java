package ponte.core.items;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import ponte.core.orgs.OrgId;

/**
 * An item's identity and current state. Several orgs may own one item (co-productions); each owner licenses it
 * under its own licences. What the rules need of one version (products, rights) is on the {@link Version}.
 */
public record Item(
        ItemId id,
        String uri,
        Set<OrgId> owners,
        int latestVersion,
        Instant firstCreated,
        boolean killed) {

    public Item {
        Objects.requireNonNull(id);
        Objects.requireNonNull(uri);
        owners = Set.copyOf(owners);
        Objects.requireNonNull(firstCreated);
    }

    public boolean ownedBy(OrgId org) {
        return owners.contains(org);
    }
}

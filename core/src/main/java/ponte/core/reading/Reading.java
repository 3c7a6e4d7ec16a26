package ponte.core.reading;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import ponte.core.NotFound;
import ponte.core.access.Caller;
import ponte.core.licensing.Entitlements;
import ponte.core.licensing.Licence;
import ponte.core.orgs.OrgId;
import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.items.Items;
import ponte.core.items.Owned;
import ponte.core.items.Version;
import ponte.core.items.VersionMade;

/** Reading one item: its owners' keys see every version; anyone else sees the latest, through the entitlement gate, or nothing. */
public final class Reading {
    /**
     * An item with the version the caller may read, whether the caller reads it as an owner, and the licence a partner
     * reads it under: the gate's answer, whose terms the partner's copy states (so rendering need not ask again). No
     * licence for an owner, nor for an earlier recipient of a correction or kill whose licence no longer grants it.
     */
    public record Visible(Item item, Version version, boolean asOwner, Optional<Licence> licence) {}

    private final Items items;
    private final Entitlements entitlements;
    private final Clock clock;

    public Reading(Items items, Entitlements entitlements, Clock clock) {
        this.items = items;
        this.entitlements = entitlements;
        this.clock = clock;
    }

    public Visible read(Caller caller, ItemId id, Optional<Integer> versionNumber) {
        OrgId org = caller.memberOf().orElseThrow(Reading::notFound); // the operator reads no content
        Item item = items.byId(id).orElseThrow(Reading::notFound);
        if (item.ownedBy(org)) {
            int n = versionNumber.orElse(item.latestVersion());
            Version version = items.version(id, n).orElseThrow(() -> new NotFound("item " + id + " has no version " + n));
            return new Visible(item, version, true, Optional.empty());
        }
        if (versionNumber.isPresent() && versionNumber.get() != item.latestVersion()) {
            throw notFound(); // partners read the latest version only
        }
        Version latest = items.version(id, item.latestVersion()).orElseThrow(Reading::notFound);
        Entitlements.Access access = entitlements.access(org, item, latest, items.received(org, id), clock.instant())
                .orElseThrow(Reading::notFound);
        return new Visible(item, latest, false, access.licence());
    }

    /** The item's versions as made (event, time, key, reason), to its owners' keys; to anyone else it does not exist. */
    public List<VersionMade> history(Caller caller, ItemId id, int after, int limit) {
        OrgId org = caller.memberOf().orElseThrow(Reading::notFound);
        items.byId(id).filter(i -> i.ownedBy(org)).orElseThrow(Reading::notFound);
        return items.history(id, after, limit);
    }

    /** The caller's org's own items, newest first, with their latest versions: an owner's desk. The operator owns none. */
    public List<Owned> ownItems(Caller caller, Optional<Owned.Position> after, int limit) {
        OrgId org = caller.memberOf().orElseThrow(Reading::notFound);
        return items.ownedBy(org, after, limit);
    }

    // Identical wording whether the item is missing or not licensed: a partner must not learn it exists.
    private static NotFound notFound() {
        return new NotFound("no such item");
    }
}

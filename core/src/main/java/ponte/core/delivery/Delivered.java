package ponte.core.delivery;

import java.time.Instant;
import ponte.core.items.ItemId;
import ponte.core.log.Cursor;
import ponte.core.orgs.OrgId;

/**
 * A reach fact: the org's endpoint acknowledged this version of the item at {@code at}, carried by {@code licensor}'s
 * licence (its route's: for a co-produced item, the party whose network reached the org; empty when it is not known
 * yet, as the pusher makes the fact, or no licence carried it).
 */
public record Delivered(EndpointId endpoint, OrgId org, ItemId item, int version, Cursor entry, Instant at, java.util.Optional<OrgId> licensor) {
    public Delivered(EndpointId endpoint, OrgId org, ItemId item, int version, Cursor entry, Instant at) {
        this(endpoint, org, item, version, entry, at, java.util.Optional.empty());
    }
}

package ponte.core.reach;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ponte.core.items.ItemId;
import ponte.core.orgs.OrgId;

/** Port: who received an item, and what became of its latest version with each of them. */
public interface RecipientFacts {
    /**
     * A partner that received some version of the item.
     *
     * @param lastVersion the latest version routed to it
     * @param routedAt    when the item's latest version was first routed to it; empty if it never was
     * @param deliveredAt the first push of the latest version to one of its endpoints
     * @param readAt      the first time its feed or stream served the latest version, it fetched it or downloaded its
     *                    media (a feed read is known to the day's first serving of its furthest entry)
     */
    record Received(OrgId partner, int lastVersion, Optional<Instant> routedAt, Optional<Instant> deliveredAt, Optional<Instant> readAt) {}

    List<Received> of(ItemId item, int latestVersion);
}

package ponte.core.campaigns;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import ponte.core.items.ItemId;
import ponte.core.orgs.OrgId;

/**
 * Port: how often partners showed a campaign's items, from their usage reports of kind {@code viewed}
 * ({@link ponte.core.reach.Reporting}): the audience a report gives, or one view for a report without an audience.
 */
public interface CampaignViews {
    /** Views of one item on one partner's outlet on one day, in the reported version's language. */
    record Viewed(OrgId partner, String outlet, ItemId item, Optional<String> language, LocalDate day, long views) {}

    /** The items' views from {@code from} inclusive to {@code to} exclusive. */
    List<Viewed> viewed(List<ItemId> items, Optional<Instant> from, Optional<Instant> to);
}

package ponte.core.items;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import ponte.core.orgs.OrgId;
import ponte.core.products.ProductId;

/** Port: when items must be released again because time makes them visible to more partners. */
public interface ReleaseSchedule {
    /** Items with a release due at or before {@code now}, earliest first. */
    List<ItemId> due(Instant now, int limit);

    /**
     * A licence starts at {@code at}: books a release of the licensor's live items in these products first
     * published since {@code publishedSince}. Returns how many were booked.
     */
    int licenceStarts(OrgId licensor, Set<ProductId> products, Instant publishedSince, Instant at);
}

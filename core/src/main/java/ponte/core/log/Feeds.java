package ponte.core.log;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import ponte.core.Invalid;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.items.Event;
import ponte.core.licensing.Entitlements;
import ponte.core.orgs.OrgId;

/**
 * A partner's cursor feed: the log entries routed to it, re-checked at read time by the entitlement gate (a
 * licence may have been suspended since), in log order.
 */
public final class Feeds {
    public static final int MAX_LIMIT = 500;

    /** One page; {@code next} is where the following page starts (it moves past filtered entries too). */
    public record Page(List<FeedEntry> entries, Cursor next) {}

    private final ContentLog log;
    private final Entitlements entitlements;
    private final Clock clock;

    public Feeds(ContentLog log, Entitlements entitlements, Clock clock) {
        this.log = log;
        this.entitlements = entitlements;
        this.clock = clock;
    }

    public Page page(Caller caller, Cursor after, int limit) {
        OrgId partner = caller.actingFor(Role.PARTNER);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new Invalid("/limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return routed(partner, after, limit);
    }

    /**
     * The one read path for an org's entries, shared by the feed, the pushers and the live stream: what was routed to
     * the org after {@code after}, re-checked by the gate now.
     */
    public Page routed(OrgId partner, Cursor after, int limit) {
        List<FeedEntry> routed = log.routedTo(partner, after, limit);
        Instant now = clock.instant();
        // A routed entry that is not a first receipt means the partner had an earlier version of the item.
        List<FeedEntry> visible = routed.stream()
                .filter(e -> entitlements.mayReceive(partner, e.item(), e.version(), e.event() != Event.PUBLISHED, now))
                .toList();
        Cursor next = routed.isEmpty() ? after : routed.getLast().cursor();
        return new Page(visible, next);
    }
}

package ponte.core.log;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import ponte.core.Invalid;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.items.Event;
import ponte.core.licensing.Entitlements;
import ponte.core.orgs.OrgId;

/**
 * A partner's cursor feed: the log entries routed to it, re-checked at read time by the entitlement gate (a
 * licence may have been suspended since), in log order. The gate's answers for a page are remembered until the
 * earliest instant one of them could change ({@link JudgedPages}), so reading the same page again asks nothing new.
 */
public final class Feeds {
    public static final int MAX_LIMIT = 500;

    /**
     * One page; {@code next} is where the following page starts (it moves past filtered entries too). Each entry comes
     * with the gate's answer for it ({@link #access}): the licence the partner reads it under, for its terms.
     */
    public record Page(List<FeedEntry> entries, Cursor next, List<Entitlements.Access> accesses) {
        public Page {
            // Read-only views, not copies: Feeds hands over lists it made for the page and never touches again.
            entries = Collections.unmodifiableList(entries);
            accesses = Collections.unmodifiableList(accesses);
            if (accesses.size() != entries.size()) {
                throw new IllegalArgumentException("one access per entry");
            }
        }

        /** The gate's answer for the i-th entry. */
        public Entitlements.Access access(int i) {
            return accesses.get(i);
        }
    }

    private final ContentLog log;
    private final Entitlements entitlements;
    private final Clock clock;
    private final JudgedPages judged = new JudgedPages();

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
        Entitlements.Reader gate = entitlements.reader(partner, clock.instant());
        Page judgedBefore = judged.reuse(partner, after, limit, routed, gate);
        if (judgedBefore != null) {
            return judgedBefore;
        }
        List<FeedEntry> visible = new ArrayList<>(routed.size());
        List<Entitlements.Access> accesses = new ArrayList<>(routed.size());
        Instant until = Instant.MAX;
        for (FeedEntry e : routed) {
            // A routed entry that is not a first receipt means the partner had an earlier version of the item.
            Optional<Entitlements.Access> access = gate.access(e.item(), e.version(), e.event() != Event.PUBLISHED);
            if (access.isPresent()) {
                visible.add(e);
                accesses.add(access.get());
            }
            Instant holds = gate.holdsUntil(e.item(), e.version());
            until = holds.isBefore(until) ? holds : until;
        }
        Cursor next = routed.isEmpty() ? after : routed.getLast().cursor();
        Page page = new Page(visible, next, accesses);
        judged.remember(partner, after, limit, routed, gate, until, page);
        return page;
    }
}

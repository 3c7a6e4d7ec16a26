package ponte.core.log;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import ponte.core.licensing.Entitlements;
import ponte.core.orgs.OrgId;

/**
 * The gate's answers for the pages partners read last, each with until when it holds, so that asking for the same
 * page again (a conditional request, a poll that finds nothing new) asks the gate nothing new. An answer is reused
 * only when the log routed the very same entries, the gate judges against the same network (any change to agreements,
 * licences, orgs or co-productions makes a new one) and the clock is still between when the page was judged and the
 * earliest instant at which one of its answers could change (a licence starting or ending, an embargo lapsing): a
 * licence that ends at noon ends at noon for a cached page too.
 */
final class JudgedPages {
    private static final int REMEMBERED = 4_096;

    private record Key(OrgId partner, long after, int limit) {}

    private record Judged(List<FeedEntry> routed, long network, Instant judgedAt, Instant until, Feeds.Page page) {
        boolean holds(List<FeedEntry> routedNow, Entitlements.Reader gate) {
            Instant now = gate.now();
            return gate.network() == network && !now.isBefore(judgedAt) && now.isBefore(until) && same(routedNow);
        }

        private boolean same(List<FeedEntry> routedNow) {
            int n = routed.size();
            if (routedNow.size() != n) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                FeedEntry a = routed.get(i);
                FeedEntry b = routedNow.get(i);
                if (a != b && !a.equals(b)) { // the same objects when both came from the recent routes in memory
                    return false;
                }
            }
            return true;
        }
    }

    private final ConcurrentMap<Key, Judged> judged = new ConcurrentHashMap<>();

    /** The page judged last for these routed entries, if its answers still hold for this gate now. */
    Feeds.Page reuse(OrgId partner, Cursor after, int limit, List<FeedEntry> routed, Entitlements.Reader gate) {
        Judged last = judged.get(new Key(partner, after.seq(), limit));
        return last != null && last.holds(routed, gate) ? last.page() : null;
    }

    void remember(OrgId partner, Cursor after, int limit, List<FeedEntry> routed, Entitlements.Reader gate, Instant until, Feeds.Page page) {
        if (judged.size() >= REMEMBERED) {
            judged.clear(); // crude, but bounded; a miss only costs the gate's work once more
        }
        judged.put(new Key(partner, after.seq(), limit), new Judged(List.copyOf(routed), gate.network(), gate.now(), until, page));
    }
}

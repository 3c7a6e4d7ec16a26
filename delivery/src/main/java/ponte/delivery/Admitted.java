package ponte.delivery;

import java.util.ArrayList;
import java.util.List;
import ponte.core.licensing.Entitlements;
import ponte.core.log.FeedEntry;
import ponte.core.log.Feeds;

/** An entry routed to an org with the gate's answer for it, which its payload renders: the gate is not asked twice. */
record Admitted(FeedEntry entry, Entitlements.Access access) {
    /** A page's entries, each with its answer. */
    static List<Admitted> of(Feeds.Page page) {
        List<Admitted> out = new ArrayList<>(page.entries().size());
        for (int i = 0; i < page.entries().size(); i++) {
            out.add(new Admitted(page.entries().get(i), page.access(i)));
        }
        return out;
    }
}

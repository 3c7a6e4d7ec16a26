package ponte.core.log;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ponte.core.items.Item;
import ponte.core.items.Version;
import ponte.core.licensing.Route;
import ponte.core.orgs.OrgId;

/** One entry of the content log in full: its position, the event it records, the item, its version, and who it was routed to. */
public record LogEntry(Cursor cursor, LogEvent event, Item item, Version version, List<Route> routes) {
    public LogEntry {
        routes = List.copyOf(routes);
    }

    /** The partners the entry was routed to. */
    public Set<OrgId> routedTo() {
        Set<OrgId> orgs = new HashSet<>();
        routes.forEach(r -> orgs.add(r.partner()));
        return orgs;
    }
}

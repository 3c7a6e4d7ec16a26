package ponte.core.log;

import java.util.List;
import ponte.core.items.Item;
import ponte.core.items.Version;
import ponte.core.licensing.Route;

/**
 * One entry of the content log in full: its position, the event the log records ("published", "updated",
 * "corrected", "killed", "released"), the item, the version it carries, and who it was routed to.
 */
public record LogEntry(Cursor cursor, String event, Item item, Version version, List<Route> routes) {
    public LogEntry {
        routes = List.copyOf(routes);
    }
}

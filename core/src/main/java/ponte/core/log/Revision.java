package ponte.core.log;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ponte.core.licensing.Route;
import ponte.core.items.Item;
import ponte.core.items.Version;

/**
 * What was decided for one change: the item's new state, the version the entry carries (a new one, or for a release
 * the latest), the event the log records, who receives it, and when time will next make it visible to someone else.
 */
public record Revision(Item item, Version version, LogEvent event, List<Route> routes, Optional<Instant> nextRelease) {
    public Revision {
        routes = List.copyOf(routes);
    }
}

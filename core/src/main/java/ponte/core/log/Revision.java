package ponte.core.log;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ponte.core.licensing.Route;
import ponte.core.items.Item;
import ponte.core.items.Version;

/**
 * What the desk decided for one change: the item's new state, the version the entry carries (a new one, or for a
 * release the latest), who receives it, and when time will next make it visible to someone else.
 */
public record Revision(Item item, Version version, boolean release, List<Route> routes, Optional<Instant> nextRelease) {
    public Revision {
        routes = List.copyOf(routes);
    }

    /** The event the log records for this entry. */
    public String logEvent() {
        return release ? "released" : version.event().wire();
    }
}

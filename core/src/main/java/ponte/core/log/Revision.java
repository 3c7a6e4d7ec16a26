package ponte.core.log;

import java.util.Map;
import ponte.core.orgs.OrgId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ponte.core.licensing.Route;
import ponte.core.items.Item;
import ponte.core.items.Version;

/**
 * What was decided for one change: the item's new state, the version the entry carries (a new one, or for a release
 * the latest), the event the log records, who receives it (and whose licence carried it to each), and when time will
 * next make it visible to someone else.
 */
public record Revision(Item item, Version version, LogEvent event, List<Route> routes, Optional<Instant> nextRelease,
                       Map<OrgId, OrgId> licensors) {
    public Revision {
        routes = List.copyOf(routes);
        licensors = Map.copyOf(licensors);
    }

    public Revision(Item item, Version version, LogEvent event, List<Route> routes, Optional<Instant> nextRelease) {
        this(item, version, event, routes, nextRelease, Map.of());
    }

    /** The owner whose licence carried the version to this partner; empty for an earlier recipient no licence grants now. */
    public Optional<OrgId> licensorFor(OrgId partner) {
        return Optional.ofNullable(licensors.get(partner));
    }
}

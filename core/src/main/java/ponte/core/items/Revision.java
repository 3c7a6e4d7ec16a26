package ponte.core.items;

import java.util.List;
import ponte.core.licensing.Route;

/** What the desk decided for one change: the item's new state, its new version and who receives it. */
public record Revision(Item item, Version version, List<Route> routes) {
    public Revision {
        routes = List.copyOf(routes);
    }
}

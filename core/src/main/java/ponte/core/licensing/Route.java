package ponte.core.licensing;

import ponte.core.items.Event;
import ponte.core.orgs.OrgId;

/** One partner's receipt of one log entry, with the event as that partner sees it (its first receipt is "published"). */
public record Route(OrgId partner, Event event) {}

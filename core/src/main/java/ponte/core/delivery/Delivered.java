package ponte.core.delivery;

import java.time.Instant;
import ponte.core.items.ItemId;
import ponte.core.log.Cursor;
import ponte.core.orgs.OrgId;

/** A reach fact: the org's endpoint acknowledged this version of the item at {@code at}. */
public record Delivered(EndpointId endpoint, OrgId org, ItemId item, int version, Cursor entry, Instant at) {}

package ponte.core.log;

import java.time.Instant;
import ponte.core.items.Event;
import ponte.core.items.Item;
import ponte.core.items.Version;

/**
 * One log entry as one partner reads it: the event as it sees it, the item and the version the entry made, and when
 * the entry was appended (what delivery latency is measured from).
 */
public record FeedEntry(Cursor cursor, Event event, Item item, Version version, Instant appendedAt) {}

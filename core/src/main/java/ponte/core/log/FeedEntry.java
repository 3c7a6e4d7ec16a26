package ponte.core.log;

import ponte.core.items.Event;
import ponte.core.items.Item;
import ponte.core.items.Version;

/** One log entry as one partner reads it: the event as it sees it, the item and the version the entry made. */
public record FeedEntry(Cursor cursor, Event event, Item item, Version version) {}

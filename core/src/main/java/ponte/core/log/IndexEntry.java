package ponte.core.log;

import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.items.Version;

/**
 * One entry of the log as readers of the whole log see it: the event it records, the item, the version the entry
 * made (for a release, the latest, unchanged) and the language-version set the item belongs to now (its own id when
 * it is alone).
 */
public record IndexEntry(Cursor cursor, LogEvent event, Item item, Version version, ItemId languageSet) {}

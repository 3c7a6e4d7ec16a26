package ponte.core.log;

import ponte.core.items.Revision;

/** A change that is now durably on the log at {@code cursor}. */
public record Appended(Cursor cursor, Revision revision) {}

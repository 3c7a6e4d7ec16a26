package ponte.core.log;

import java.time.Instant;

/** A change that is now durably on the log at {@code cursor}, appended {@code at}. */
public record Appended(Cursor cursor, Revision revision, Instant at) {
    /** The entry as readers of the whole log see it. */
    public LogEntry entry() {
        return new LogEntry(cursor, revision.event(), revision.item(), revision.version(), revision.routes());
    }
}

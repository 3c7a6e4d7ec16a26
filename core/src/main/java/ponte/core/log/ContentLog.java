package ponte.core.log;

import java.time.Instant;
import java.util.List;
import ponte.core.audit.Actor;
import ponte.core.items.Change;
import ponte.core.items.ItemId;
import ponte.core.orgs.OrgId;

/**
 * Port: the content log. Implementations append one change at a time in a total order (sequence order equals
 * commit order, so a cursor never skips an entry that commits later), store the item's new version and its routes
 * in the same atomic write, and return only once that write is durable.
 */
public interface ContentLog {
    /**
     * Decides the change with {@link ponte.core.publishing.Appending} against the item's state at that point of the
     * log, and returns once the entry is durable; a refused change throws the refusal and leaves no trace. For changes
     * nobody is accountable for (a release, which time makes): no audit entry is recorded.
     */
    Appended append(Change change);

    /**
     * As {@link #append(Change)}, for a change someone made: {@code by} is recorded on the audit trail in the same
     * transaction as the entry, so no entry is appended without its record.
     */
    Appended append(Change change, Actor by);

    /**
     * As {@link #append(Change, Actor)}, without waiting: the future completes once the entry is durable, or with the
     * refusal. For callers that keep many changes in flight (a backfill), so the log can commit them in groups; the
     * caller bounds how many. Implementations that cannot queue append at once.
     */
    default java.util.concurrent.CompletableFuture<Appended> submit(Change change, Actor by) {
        try {
            return java.util.concurrent.CompletableFuture.completedFuture(append(change, by));
        } catch (RuntimeException refused) {
            return java.util.concurrent.CompletableFuture.failedFuture(refused);
        }
    }

    /** Entries routed to the partner after {@code after}, in log order, at most {@code limit}. */
    List<FeedEntry> routedTo(OrgId partner, Cursor after, int limit);

    /** Entries after {@code after} in log order, in full, at most {@code limit}: for readers that relay or index the log. */
    List<LogEntry> since(Cursor after, int limit);

    /**
     * Every entry after {@code after}, in log order, at most {@code limit}: what readers of the whole log (the search
     * index) consume. A release entry carries the latest version, unchanged.
     */
    List<IndexEntry> entries(Cursor after, int limit);

    /**
     * The items of the entries after {@code after}, in log order, reading at most {@code limit} entries (an item
     * appears once per entry): what changed since a reader's position, cheaply.
     */
    List<ItemId> changedAfter(Cursor after, int limit);

    /** The position of the last entry. */
    Cursor head();

    /** The position of the last entry appended before {@code time} (a replay "since" a time starts after it). */
    Cursor before(Instant time);
}

package ponte.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import ponte.core.audit.Actor;
import ponte.core.items.Change;
import ponte.core.items.ItemId;
import ponte.core.log.Appended;
import ponte.core.log.ContentLog;
import ponte.core.log.Cursor;
import ponte.core.log.FeedEntry;
import ponte.core.log.IndexEntry;
import ponte.core.log.LogEntry;
import ponte.core.orgs.OrgId;
import ponte.core.publishing.Appending;

/**
 * The content log in the database (H2 embedded, or PostgreSQL shared by several nodes): appends go through the one
 * {@link LogWriter}, which decides each change with core's {@link Appending} in a {@link JdbcLogTransaction}; reads are
 * {@link LogReads}. Embedded, this node is the only writer, so it also keeps the {@link RecentRoutes} that answer feed
 * reads near the head from memory.
 */
public final class JdbcContentLog implements ContentLog, AutoCloseable {
    /** Routes of recent entries kept in memory for feed reads near the head (about 2 KB of ninjs per entry, shared). */
    private static final int RECENT_ROUTES = 200_000;

    private final LogReads reads;
    private final LogWriter writer;

    /**
     * @param committed told of each group of entries once it is durable, in log order (the node's tail, or what wakes
     *     the other nodes' tails); it runs on the writer thread, so it must only hand the entries on
     */
    public JdbcContentLog(Database db, Appending appending, NetworkFreshness freshness, Consumer<List<LogEntry>> committed) {
        Cursor head = new LogReads(db, Optional.empty(), freshness).head();
        // Only where this writer is the only one: on PostgreSQL other nodes append too, and a node's memory would
        // hold its own entries only, with gaps where the others' fall.
        Optional<RecentRoutes> recent = db.isPostgres() ? Optional.empty() : Optional.of(new RecentRoutes(head.seq(), RECENT_ROUTES));
        this.reads = new LogReads(db, recent, freshness);
        this.writer = new LogWriter(db, head, appending, freshness, recent, committed);
    }

    @Override
    public Appended append(Change change) {
        return writer.append(change, Optional.empty());
    }

    @Override
    public Appended append(Change change, Actor by) {
        return writer.append(change, Optional.of(by));
    }

    @Override
    public java.util.concurrent.CompletableFuture<Appended> submit(Change change, Actor by) {
        return writer.submit(change, Optional.of(by));
    }

    @Override
    public List<FeedEntry> routedTo(OrgId partner, Cursor after, int limit) {
        return reads.routedTo(partner, after, limit);
    }

    @Override
    public List<LogEntry> since(Cursor after, int limit) {
        return reads.since(after, limit);
    }

    @Override
    public List<IndexEntry> entries(Cursor after, int limit) {
        return reads.entries(after, limit);
    }

    @Override
    public List<ItemId> changedAfter(Cursor after, int limit) {
        return reads.changedAfter(after, limit);
    }

    @Override
    public Cursor head() {
        return reads.head();
    }

    @Override
    public Cursor before(Instant time) {
        return reads.before(time);
    }

    /** Changes waiting for the writer (a metric: a growing queue means the database cannot keep up). */
    public int queueDepth() {
        return writer.queueDepth();
    }

    /** Groups the writer had to redo one change at a time since it started (a batch or a COPY the database refused). */
    long groupsRedone() {
        return writer.groupsRedone();
    }

    /** Stops taking changes, finishes those already queued, then returns. */
    @Override
    public void close() {
        writer.close();
    }
}

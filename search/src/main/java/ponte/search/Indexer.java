package ponte.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ponte.core.Pacer;
import ponte.core.log.ContentLog;
import ponte.core.log.Cursor;
import ponte.core.log.IndexEntry;
import ponte.core.log.Tail;
import ponte.core.orgs.Orgs;

/**
 * The search index's log reader: applies every entry after the index's cursor, in log order, and keeps doing so in
 * the background. Once it is caught up, new entries are searchable within about a second ({@link #POLL_MILLIS} plus a
 * refresh); while it catches up, as often as {@link CatchUpRefreshes} says. Applied entries are durable every
 * {@link #COMMIT_MILLIS}; after a crash the reader resumes from the last commit and re-applies what followed, which is
 * harmless because applying an entry replaces the item's document.
 */
public final class Indexer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);
    static final int BATCH = 1000;
    static final long POLL_MILLIS = 200;
    static final long REFRESH_MILLIS = 1000;
    static final long COMMIT_MILLIS = 5000;

    private final ContentLog log;
    private final LuceneIndex index;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("ponte-search-log-reader").daemon().factory());
    private final Pacer pacer = new Pacer();
    private final CatchUpRefreshes catchUpRefreshes;
    private Thread thread;
    private long lastCommit = System.nanoTime();
    private long lastRefresh = System.nanoTime();
    private long appliedSinceRefresh;
    private long committed;

    /** A reader woken by the node's tail as entries are committed (on Kafka, entries appended on any node). */
    public Indexer(ContentLog log, LuceneIndex index, Tail tail) {
        this(log, index, tail, CatchUpRefreshes.STANDARD);
    }

    /** As above, refreshing during a catch-up as {@code catchUpRefreshes} says. */
    Indexer(ContentLog log, LuceneIndex index, Tail tail, CatchUpRefreshes catchUpRefreshes) {
        this(log, index, catchUpRefreshes);
        tail.subscribe(entry -> wake());
    }

    /** A reader that only polls (a rebuild reads the log to its end and stops). */
    private Indexer(ContentLog log, LuceneIndex index, CatchUpRefreshes catchUpRefreshes) {
        this.log = log;
        this.index = index;
        this.catchUpRefreshes = catchUpRefreshes;
        this.committed = index.cursor().seq();
    }

    /** Applies everything up to the log's head and makes it searchable; returns how many entries were applied. */
    public synchronized long catchUp() {
        return catchUp(n -> {});
    }

    /** As {@link #catchUp()}, reporting the log position reached after every batch. */
    public synchronized long catchUp(LongConsumer progress) {
        return catchUp(progress, Long.MAX_VALUE);
    }

    /** As {@link #catchUp(LongConsumer)}, stopping at log position {@code upTo} (benchmarks index the log in steps). */
    public synchronized long catchUp(LongConsumer progress, long upTo) {
        long applied = 0;
        CompletableFuture<List<IndexEntry>> next = read(index.cursor().seq(), upTo);
        while (true) {
            List<IndexEntry> batch = joined(next);
            if (batch.isEmpty()) {
                break;
            }
            // The next batch is read from the log while this one is analysed: the analysers never wait for the database.
            next = read(batch.getLast().cursor().seq(), upTo);
            index.apply(batch);
            applied += batch.size();
            appliedSinceRefresh += batch.size();
            progress.accept(index.cursor().seq());
            if (refreshDue(batch.size() == BATCH)) {
                refresh();
            }
        }
        if (applied > 0) {
            refresh();
        }
        return applied;
    }

    private static List<IndexEntry> joined(CompletableFuture<List<IndexEntry>> read) {
        try {
            return read.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private CompletableFuture<List<IndexEntry>> read(long after, long upTo) {
        int limit = (int) Math.min(BATCH, upTo - after);
        return limit <= 0
                ? CompletableFuture.completedFuture(List.of())
                : CompletableFuture.supplyAsync(() -> log.entries(new Cursor(after), limit), reader);
    }

    /** New entries were committed (the log tail says so): read them now rather than at the next poll. */
    private void wake() {
        pacer.wake();
    }

    /** Starts reading the log in the background. */
    public Indexer start() {
        thread = Thread.ofPlatform().name("ponte-search-indexer").daemon().start(this::follow);
        return this;
    }

    /**
     * Never interrupted: an interrupt during Lucene's file I/O closes the NIO channel under the writer and breaks the
     * index, so the loop waits between polls on its {@link Pacer}, which {@link #close()} stops.
     */
    private void follow() {
        while (pacer.running()) {
            try {
                catchUp();
                commitIfDue();
                pacer.pause(Duration.ofMillis(POLL_MILLIS));
            } catch (RuntimeException e) {
                if (!pacer.running()) {
                    return;
                }
                // The log or the disk failed: the cursor did not move past what failed, so retrying resumes there.
                LOG.warn("search indexing failed; retrying in a second", e);
                pacer.pause(Duration.ofSeconds(1));
            }
        }
    }

    private synchronized void commitIfDue() {
        long at = index.cursor().seq();
        if (at != committed && since(lastCommit) >= COMMIT_MILLIS) {
            index.commit();
            committed = at;
            lastCommit = System.nanoTime();
        }
    }

    /** Far behind (a full batch came back), refresh by work done; near the head, every {@link #REFRESH_MILLIS}. */
    private boolean refreshDue(boolean behind) {
        return behind
                ? catchUpRefreshes.due(appliedSinceRefresh, Duration.ofMillis(since(lastRefresh)))
                : since(lastRefresh) >= REFRESH_MILLIS;
    }

    private void refresh() {
        index.refresh();
        lastRefresh = System.nanoTime();
        appliedSinceRefresh = 0;
    }

    private static long since(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    @Override
    public void close() {
        // The loop stops first and its reader after: shut down first, the reader refused a catch-up still under way,
        // and the loop, not yet told to stop, logged that as a failed indexing (seen as a node that could not start closed).
        pacer.stop();
        if (thread != null && !Pacer.join(thread, Duration.ofSeconds(10))) {
            LOG.warn("the search indexer did not stop within 10 s");
        }
        reader.shutdown();
    }

    /**
     * Builds a new index of the whole log beside {@code dir} and then puts it in its place, so a failed rebuild leaves
     * the old index as it was. The node must be stopped (the index and embedded H2 are single-process).
     */
    public static void rebuild(ContentLog log, Orgs orgs, Path dir, int threads, LongConsumer progress) {
        Path fresh = dir.resolveSibling(dir.getFileName() + ".rebuilding");
        Path old = dir.resolveSibling(dir.getFileName() + ".old");
        delete(fresh);
        delete(old);
        try (LuceneIndex index = LuceneIndex.open(fresh, orgs, threads); Indexer indexer = new Indexer(log, index, CatchUpRefreshes.STANDARD)) {
            indexer.catchUp(progress);
        }
        try {
            if (Files.exists(dir)) {
                Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(fresh, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        delete(old);
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package ponte.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import ponte.core.PonteException;
import ponte.core.audit.Actor;
import ponte.core.items.Change;
import ponte.core.log.Appended;
import ponte.core.log.Cursor;
import ponte.core.log.LogEntry;
import ponte.core.publishing.Appending;

/**
 * The content log's one writer thread. One writer gives a total order in which sequence order equals commit order, so
 * a reader's cursor can never pass an entry that commits later. It commits waiting changes together (group commit),
 * which keeps durable commits from capping throughput. Each change is decided by {@link Appending} in log order, its
 * rows kept and the group's written as one JDBC batch per table ({@link LogRows}); a refused change is taken out before
 * it reaches the database, and where that cannot be (it wrote through, or a batch failed) the group is redone with a
 * savepoint per change, so one refused change never fails the others in its group. Callers are answered only after
 * the commit.
 */
final class LogWriter implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LogWriter.class);
    private static final int GROUP = 256;

    private record Pending(Change change, Optional<Actor> by, CompletableFuture<Appended> result) {}

    private final DataSource dataSource;
    private final boolean postgres;
    private final Appending appending;
    private final NetworkFreshness freshness;
    private final Optional<RecentRoutes> recent;
    private final Consumer<List<LogEntry>> committed;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(4096);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long redone;
    private long lastSeq;

    /**
     * @param head the log's last position now
     * @param recent told of each group once it is durable, before its callers are answered, so a caller that reads its
     *     feed after its answer finds its entry
     * @param committed told of each group once it is durable and answered, in log order; runs on the writer thread, so
     *     it must only hand the entries on
     */
    LogWriter(Database db, Cursor head, Appending appending, NetworkFreshness freshness, Optional<RecentRoutes> recent,
              Consumer<List<LogEntry>> committed) {
        this.dataSource = db.dataSource();
        this.postgres = db.isPostgres();
        this.appending = appending;
        this.freshness = freshness;
        this.recent = recent;
        this.committed = committed;
        this.lastSeq = head.seq();
        this.thread = Thread.ofPlatform().name("ponte-log-writer").daemon().start(() -> GroupCommit.run(queue, GROUP, () -> running, this::commit));
    }

    /** Appends the change; {@code by}, if someone made it, is recorded on the audit trail in the entry's transaction. */
    Appended append(Change change, Optional<Actor> by) {
        CompletableFuture<Appended> result = new CompletableFuture<>();
        try {
            if (!running || !queue.offer(new Pending(change, by, result), 30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the content log is not accepting changes");
            }
            return result.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while appending", e);
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /**
     * Queues the change without waiting for its commit (a backfill keeps many in flight, so the writer fills its
     * groups); the future completes only after the commit, or with the refusal. Waits, at most 30 s, only for room in
     * the queue: a full queue is the caller's back-pressure.
     */
    CompletableFuture<Appended> submit(Change change, Optional<Actor> by) {
        CompletableFuture<Appended> result = new CompletableFuture<>();
        try {
            if (!running || !queue.offer(new Pending(change, by, result), 30, TimeUnit.SECONDS)) {
                return CompletableFuture.failedFuture(new IllegalStateException("the content log is not accepting changes"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(new IllegalStateException("interrupted while appending", e));
        }
        return result;
    }

    /** Changes waiting for the writer (a metric: a growing queue means the database cannot keep up). */
    int queueDepth() {
        return queue.size();
    }

    /** Groups redone one change at a time: a refused batch or COPY, or a change refused after it wrote through. */
    long groupsRedone() {
        return redone;
    }

    private void commit(List<Pending> group) {
        long seqBefore = lastSeq;
        List<Object> outcomes;
        try {
            try {
                outcomes = inOneTransaction(group, true);
            } catch (Redo | SQLException | StorageFailure batchFailed) {
                // A change refused after its writes reached the database, or a batch the database refused: the whole
                // group again, a savepoint per change, so that one change's failure fails that change only.
                lastSeq = seqBefore;
                redone++; // only this thread writes it
                outcomes = oneByOne(group);
            }
        } catch (SQLException | RuntimeException failure) {
            lastSeq = seqBefore;
            RuntimeException error = failure instanceof SQLException s ? new StorageFailure(s) : (RuntimeException) failure;
            group.forEach(p -> p.result().completeExceptionally(error));
            return;
        }
        answer(group, outcomes);
    }

    private List<Object> oneByOne(List<Pending> group) throws SQLException {
        try {
            return inOneTransaction(group, false);
        } catch (Redo never) {
            throw new IllegalStateException("a group written one change at a time is never redone", never);
        }
    }

    /** A batched group must be redone one change at a time. */
    private static final class Redo extends Exception {
        Redo() {
            super(null, null, false, false);
        }
    }

    /**
     * Decides every change of the group in one transaction and commits it: {@code batched}, each change's rows kept
     * and written per table at the end; otherwise each change written at once inside its own savepoint.
     */
    private List<Object> inOneTransaction(List<Pending> group, boolean batched) throws SQLException, Redo {
        List<Object> outcomes = new ArrayList<>(group.size());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            if (postgres) {
                // Several nodes may append to one PostgreSQL: a transaction-scoped advisory lock makes them take
                // turns, so sequence order stays commit order across the cluster; the sequence is re-read under it.
                // Keyed by schema: two Ponte installations in one database do not wait for each other.
                Jdbc.query(c, "select pg_advisory_xact_lock(hashtext('ponte-append:' || current_schema()))", rs -> 1);
                lastSeq = Jdbc.query(c, "select coalesce(max(seq), 0) from content_log", rs -> rs.getLong(1)).getFirst();
            }
            // Route with the network as committed now: a licence approved on another node must count at once.
            freshness.judgeAt(c);
            try {
                if (batched) {
                    batched(c, group, outcomes);
                } else {
                    oneByOne(c, group, outcomes);
                }
                c.commit();
            } catch (SQLException | RuntimeException | Redo failed) {
                c.rollback(); // the connection goes back to the pool clean (on PostgreSQL: the lock is let go)
                throw failed;
            }
        }
        return outcomes;
    }

    private void batched(Connection c, List<Pending> group, List<Object> outcomes) throws SQLException, Redo {
        JdbcLogTransaction tx = JdbcLogTransaction.batched(c, postgres);
        for (Pending p : group) {
            tx.begin();
            try {
                outcomes.add(appending.append(p.change(), p.by(), new Cursor(lastSeq + 1), tx));
                lastSeq++;
            } catch (PonteException refused) {
                if (!tx.discard()) {
                    throw new Redo();
                }
                outcomes.add(refused);
            }
        }
        tx.flush();
    }

    private void oneByOne(Connection c, List<Pending> group, List<Object> outcomes) throws SQLException {
        JdbcLogTransaction tx = JdbcLogTransaction.immediate(c);
        for (Pending p : group) {
            Savepoint savepoint = c.setSavepoint();
            try {
                outcomes.add(appending.append(p.change(), p.by(), new Cursor(lastSeq + 1), tx));
                lastSeq++;
            } catch (PonteException | StorageFailure refused) {
                c.rollback(savepoint);
                outcomes.add(refused);
            }
        }
    }

    /** Only now, after the commit returned, is anyone told their change is on the log. */
    private void answer(List<Pending> group, List<Object> outcomes) {
        List<Appended> appended = new ArrayList<>(group.size());
        outcomes.forEach(o -> {
            if (o instanceof Appended a) {
                appended.add(a);
            }
        });
        recent.ifPresent(r -> r.add(appended));
        // The node's listeners hear of the entries before their writers are answered, so whatever a writer does next
        // on this node (a desk reloading its first page, say) already sees its own entry.
        if (!appended.isEmpty()) {
            try {
                committed.accept(appended.stream().map(Appended::entry).toList());
            } catch (RuntimeException listenerFailed) {
                // The entries are durable whatever a listener did: their writers are answered all the same.
                LOG.error("a listener of committed entries failed", listenerFailed);
            }
        }
        for (int i = 0; i < group.size(); i++) {
            if (outcomes.get(i) instanceof Appended a) {
                group.get(i).result().complete(a);
            } else {
                group.get(i).result().completeExceptionally((Throwable) outcomes.get(i));
            }
        }
    }

    /** Stops taking changes, finishes those already queued, then returns. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

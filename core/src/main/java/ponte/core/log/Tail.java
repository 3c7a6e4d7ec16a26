package ponte.core.log;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import ponte.core.licensing.Route;
import ponte.core.orgs.OrgId;

/**
 * The tail of the log on one node: how readers that follow the log live (pushers, streams, the search index, metrics)
 * hear of entries as they are committed, in log order. In embedded mode the log's writer feeds it; on PostgreSQL
 * without Kafka the node's LISTEN on the log does; on Kafka the node's reader of the topic does, so each node hears of
 * entries appended anywhere.
 *
 * <p>It is a wake-up, not the record: a reader that must not miss anything keeps its own cursor and reads the log; the
 * tail only saves it from polling, so a missed or spurious signal costs at most one poll interval or one empty read.
 */
public final class Tail {
    private static final System.Logger LOG = System.getLogger(Tail.class.getName());

    private final Map<OrgId, Signal> signals = new ConcurrentHashMap<>();
    private final List<Consumer<LogEntry>> followers = new CopyOnWriteArrayList<>();
    private volatile long last;
    private volatile boolean closed;

    /** {@code follower} is told of every entry, in log order, on the thread that feeds the tail: it must not block. */
    public void subscribe(Consumer<LogEntry> follower) {
        followers.add(follower);
    }

    /**
     * Entries the log committed, in log order: raises the signal of each org they were routed to and tells every
     * follower. An entry at or before one already handed on is dropped (a re-send after a reconnect).
     */
    public void committed(List<LogEntry> entries) {
        for (LogEntry entry : entries) {
            long seq = entry.cursor().seq();
            if (seq <= last) {
                continue;
            }
            last = seq;
            for (Route route : entry.routes()) {
                Signal s = signals.get(route.partner());
                if (s != null) {
                    s.raise(seq);
                }
            }
            for (Consumer<LogEntry> follower : followers) {
                try {
                    follower.accept(entry);
                } catch (RuntimeException e) {
                    // A follower's fault must not stop the log's writer or the next follower; followers poll anyway.
                    LOG.log(System.Logger.Level.WARNING, "a follower of the log tail failed", e);
                }
            }
        }
    }

    /** The last position handed on. */
    public Cursor last() {
        return new Cursor(last);
    }

    /**
     * Waits until an entry after {@code after} may have been routed to the org, or {@code timeout} passes, or the tail
     * is closed. Returns whether a signal came.
     */
    public boolean await(OrgId org, Cursor after, Duration timeout) throws InterruptedException {
        return signals.computeIfAbsent(org, o -> new Signal()).await(after.seq(), timeout);
    }

    /**
     * The node is stopping: every waiter returns now and later ones at once, so live readers (streams) end instead of
     * holding the server open until their next heartbeat.
     */
    public void close() {
        closed = true;
        signals.values().forEach(Signal::wake);
    }

    public boolean closed() {
        return closed;
    }

    private final class Signal {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition raised = lock.newCondition();
        private long last;

        void raise(long seq) {
            lock.lock();
            try {
                last = Math.max(last, seq);
                raised.signalAll();
            } finally {
                lock.unlock();
            }
        }

        void wake() {
            lock.lock();
            try {
                raised.signalAll();
            } finally {
                lock.unlock();
            }
        }

        boolean await(long after, Duration timeout) throws InterruptedException {
            long nanos = timeout.toNanos();
            lock.lock();
            try {
                while (last <= after && !closed) {
                    if (nanos <= 0) {
                        return false;
                    }
                    nanos = raised.awaitNanos(nanos);
                }
                return true;
            } finally {
                lock.unlock();
            }
        }
    }
}

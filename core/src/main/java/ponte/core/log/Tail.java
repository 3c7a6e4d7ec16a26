package ponte.core.log;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import ponte.core.orgs.OrgId;

/**
 * The tail of the log, for readers that follow it live (pushers, streams): they wait here for an entry routed to
 * their org instead of polling the database. A wake-up is a hint to read, never data: readers still read from their
 * cursor, so a missed or spurious signal costs at most one poll interval or one empty read.
 */
public final class Tail implements AppendListener {
    private final Map<OrgId, Signal> signals = new ConcurrentHashMap<>();
    private final List<AppendListener> followers = new CopyOnWriteArrayList<>();

    @Override
    public void appended(Cursor head, Set<OrgId> routedTo) {
        for (OrgId org : routedTo) {
            Signal s = signals.get(org);
            if (s != null) {
                s.raise(head.seq());
            }
        }
        followers.forEach(f -> f.appended(head, routedTo));
    }

    /** Also tell {@code follower} of every commit. */
    public void follow(AppendListener follower) {
        followers.add(follower);
    }

    /**
     * Waits until an entry after {@code after} may have been routed to the org, or {@code timeout} passes.
     * Returns whether a signal came.
     */
    public boolean await(OrgId org, Cursor after, Duration timeout) throws InterruptedException {
        return signals.computeIfAbsent(org, o -> new Signal()).await(after.seq(), timeout);
    }

    private static final class Signal {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition raised = lock.newCondition();
        private long last;

        void raise(long head) {
            lock.lock();
            try {
                last = Math.max(last, head);
                raised.signalAll();
            } finally {
                lock.unlock();
            }
        }

        boolean await(long after, Duration timeout) throws InterruptedException {
            long nanos = timeout.toNanos();
            lock.lock();
            try {
                while (last <= after) {
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

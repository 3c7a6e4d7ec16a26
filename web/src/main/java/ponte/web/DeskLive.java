package ponte.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import ponte.core.access.Role;
import ponte.core.log.LogEntry;
import ponte.core.log.Tail;
import ponte.core.orgs.OrgId;

/**
 * The desk's live updates: a follower of the node's log tail that counts, per owner org, the entries of its items; a
 * desk's stream waits for its org's count to move, then sends the desk's first rows again as one Server-Sent Event,
 * which htmx swaps into the table. Rows are read through the same use case as the page, so a stream shows nothing
 * the page would not.
 */
public final class DeskLive {
    /** How often a waiting stream looks whether the node is stopping (the tail says so; it has no wake-up for it). */
    private static final Duration CHECK = Duration.ofMillis(500);

    private final Tail tail;
    private final Duration heartbeat;
    private final Map<OrgId, AtomicLong> changes = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile DeskPages desk;

    /** @param heartbeat how long a stream stays silent before it sends a comment, so proxies keep it open */
    public DeskLive(Tail tail, Duration heartbeat) {
        this.tail = tail;
        this.heartbeat = heartbeat;
        tail.subscribe(this::appended);
    }

    /**
     * Entries this node's log writer committed, told as soon as they are durable: on PostgreSQL and Kafka the tail
     * hears a node's own entries only after a round trip, and a desk must show what its editor just filed.
     */
    public void committed(List<LogEntry> entries) {
        entries.forEach(this::appended);
    }

    /** The desk whose rows the streams send. */
    void of(DeskPages pages) {
        this.desk = pages;
    }

    private void appended(LogEntry entry) {
        entry.item().owners().forEach(o -> changes.computeIfAbsent(o, k -> new AtomicLong()).incrementAndGet());
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How many entries of the org's items this node's tail has handed on: a desk's first page is current while it stays. */
    long changes(OrgId org) {
        return count(org);
    }

    private long count(OrgId org) {
        return changes.computeIfAbsent(org, k -> new AtomicLong()).get();
    }

    void stream(Visit visit) throws Exception {
        OrgId org = visit.caller().actingFor(Role.EDITOR);
        try (Visit.Stream out = visit.eventStream()) {
            out.send(": ponte desk\nretry: 2000\n\n");
            long seen = count(org);
            while (!tail.closed()) {
                if (!await(org, seen)) {
                    if (!tail.closed()) {
                        out.send(": heartbeat\n\n");
                    }
                    continue;
                }
                seen = count(org);
                out.send(event("desk", visit.fragment("desk-rows.jte", "rows", desk.rows(visit, Optional.empty()))));
            }
        }
    }

    /** Waits until the org's count moves past {@code seen} (true) or a heartbeat passes or the node stops (false). */
    private boolean await(OrgId org, long seen) throws InterruptedException {
        long deadline = System.nanoTime() + heartbeat.toNanos();
        lock.lock();
        try {
            while (count(org) == seen && !tail.closed()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.await(Math.min(left, CHECK.toNanos()), TimeUnit.NANOSECONDS);
            }
            return count(org) != seen;
        } finally {
            lock.unlock();
        }
    }

    /** One Server-Sent Event; each line of the data on a data line of its own, as the format asks. */
    static String event(String name, String data) {
        StringBuilder event = new StringBuilder("event: ").append(name).append('\n');
        for (String line : data.split("\n", -1)) {
            event.append("data: ").append(line).append('\n');
        }
        return event.append('\n').toString();
    }
}

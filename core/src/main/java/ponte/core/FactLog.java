package ponte.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Records reach facts off the request path (media downloads, feed and item reads): a request hands its fact to a
 * bounded queue (never waiting), and one virtual thread writes what has gathered in batches, and what is left when the
 * node stops. When the store is slower than requests for long enough to fill the queue, facts are dropped and counted
 * rather than slowing a request: reach counts are reports, the content is the service.
 *
 * @param <F> the fact recorded
 */
public final class FactLog<F> implements AutoCloseable {
    /** Where a batch of facts is written: one call, one transaction. */
    @FunctionalInterface
    public interface Writer<F> {
        void record(List<F> facts);
    }

    static final int CAPACITY = 10_000;
    static final int BATCH = 500;
    /** How long facts gather while the queue is empty: the delay before a fact is counted, at most. */
    static final Duration GATHER = Duration.ofMillis(50);

    private final Writer<F> facts;
    private final Consumer<RuntimeException> failures;
    private final BlockingQueue<F> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Pacer pacer = new Pacer();
    private final Thread writer;

    /** @param name the writer thread's name, which says in a thread dump which facts it writes */
    public FactLog(String name, Writer<F> facts, Consumer<RuntimeException> failures) {
        this.facts = facts;
        this.failures = failures;
        this.writer = Thread.ofVirtual().name(name).unstarted(this::run);
    }

    public FactLog<F> start() {
        writer.start();
        return this;
    }

    /** Takes a fact to record soon; never blocks. */
    public void add(F fact) {
        if (!queue.offer(fact)) {
            dropped.incrementAndGet();
        }
    }

    /** Facts dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    private void run() {
        while (pacer.running() || !queue.isEmpty()) {
            List<F> batch = new ArrayList<>();
            try {
                // Waiting on the pacer, not on the queue: a request never pays for a wake-up, and a stop ends the
                // wait at once (a node closes in a few milliseconds, not after one poll interval per log).
                queue.drainTo(batch, BATCH);
                if (batch.isEmpty()) {
                    pacer.pause(GATHER);
                    continue;
                }
                facts.record(batch);
            } catch (RuntimeException e) {
                failures.accept(e);
                pacer.pause(Duration.ofSeconds(1));
            }
        }
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        pacer.stop();
        Pacer.join(writer, Duration.ofSeconds(10));
    }
}

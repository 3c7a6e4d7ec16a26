package ponte.core.media;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import ponte.core.Pacer;

/**
 * Records download facts off the request path: a download hands its fact to a bounded queue (never waiting), and one
 * virtual thread writes what has gathered in batches. When the store is slower than downloads for long enough to fill
 * the queue, facts are dropped and counted rather than slowing a download: reach counts are reports, the bytes are the
 * service.
 */
public final class DownloadLog implements AutoCloseable {
    static final int CAPACITY = 10_000;
    static final int BATCH = 500;

    private final DownloadFacts facts;
    private final Consumer<RuntimeException> failures;
    private final BlockingQueue<Downloaded> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Pacer pacer = new Pacer();
    private final Thread writer;

    public DownloadLog(DownloadFacts facts, Consumer<RuntimeException> failures) {
        this.facts = facts;
        this.failures = failures;
        this.writer = Thread.ofVirtual().name("ponte-download-facts").unstarted(this::run);
    }

    public DownloadLog start() {
        writer.start();
        return this;
    }

    /** Takes a fact to record soon; never blocks. */
    public void downloaded(Downloaded fact) {
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
            List<Downloaded> batch = new ArrayList<>();
            try {
                Downloaded first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                facts.record(batch);
            } catch (InterruptedException e) {
                // not how this loop is stopped; carry on until the pacer says so
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

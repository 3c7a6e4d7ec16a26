package ponte.core.delivery;

import java.time.Duration;
import java.time.Instant;
import ponte.core.Pacer;
import ponte.core.log.Leadership;

/**
 * Runs {@link Retention} in the background on a virtual thread: a round at start and then every
 * {@link #EVERY}, on the one node that leads "retention" (where several share a database; pruning together would be
 * harmless, only wasted). It pauses briefly between batches, so a long first prune after an upgrade never crowds out
 * delivery. Stopped by its {@link Pacer}, never interrupted: a round is usually inside a database call.
 */
public final class RetentionLoop implements AutoCloseable {
    static final String ROLE = "retention";
    static final Duration EVERY = Duration.ofHours(1);
    /** Between batches of one round. */
    static final Duration BREATHER = Duration.ofMillis(20);

    /** Told of what pruning does: for the log and the metrics. */
    public interface Listener {
        /** One batch removed this much. */
        void pruned(Retention.Pruned batch);

        /** A round removed {@code total}: everything older than {@code cutoff}, or less if the loop was stopped. */
        void finished(Retention.Pruned total, Instant cutoff);

        /** A round failed; the loop tries again at its next round. */
        void failed(RuntimeException e);
    }

    private final Retention retention;
    private final Leadership leadership;
    private final Listener listener;
    private final Pacer pacer = new Pacer();
    private final Thread thread;

    public RetentionLoop(Retention retention, Leadership leadership, Listener listener) {
        this.retention = retention;
        this.leadership = leadership;
        this.listener = listener;
        this.thread = Thread.ofVirtual().name("ponte-retention").unstarted(this::run);
    }

    public RetentionLoop start() {
        thread.start();
        return this;
    }

    /** The loop's thread (diagnostics, and tests that interrupt it to show it carries on). */
    public Thread thread() {
        return thread;
    }

    /** Runs a round now rather than at the next hour (the node's operators and tests). */
    public void wake() {
        pacer.wake();
    }

    private void run() {
        while (pacer.running()) {
            try {
                if (leadership.lead(ROLE)) {
                    Instant cutoff = retention.cutoff();
                    Retention.Pruned total = retention.prune(cutoff, listener::pruned, () -> {
                        pacer.pause(BREATHER);
                        return pacer.running();
                    });
                    listener.finished(total, cutoff);
                }
            } catch (RuntimeException e) {
                if (!pacer.running()) {
                    return; // the node is closing: the store may be going away under the round
                }
                listener.failed(e);
            }
            pacer.pause(EVERY);
        }
    }

    /** Stops the loop, waiting up to five seconds for a batch under way. */
    @Override
    public void close() {
        pacer.stopAndJoin(thread, Duration.ofSeconds(5));
    }
}

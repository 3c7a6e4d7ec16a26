package ponte.core.reach;

import java.time.Duration;
import java.util.function.Consumer;
import ponte.core.Pacer;

/**
 * Runs {@link ReachRollups#fold} in the background on a virtual thread: batch after batch while there is more (an
 * upgraded database folds its old routes once), then about twice a second. Every node may run it: a fold holds the
 * folder's cursor row, so two nodes fold one after the other, never the same rows twice. Stopped by its {@link Pacer},
 * never interrupted: a fold is usually inside a database call.
 */
public final class ReachFolding implements AutoCloseable {
    static final Duration IDLE = Duration.ofMillis(500);
    /** Between batches of a catch-up, so folding an old log never crowds out publishing. */
    static final Duration BREATHER = Duration.ofMillis(5);

    private final ReachRollups rollups;
    private final Consumer<RuntimeException> failed;
    private final Pacer pacer = new Pacer();
    private final Thread thread;

    public ReachFolding(ReachRollups rollups, Consumer<RuntimeException> failed) {
        this.rollups = rollups;
        this.failed = failed;
        this.thread = Thread.ofVirtual().name("ponte-reach-rollups").unstarted(this::run);
    }

    public ReachFolding start() {
        thread.start();
        return this;
    }

    public Thread thread() {
        return thread;
    }

    private void run() {
        while (pacer.running()) {
            boolean more = false;
            try {
                more = rollups.fold();
            } catch (RuntimeException e) {
                if (!pacer.running()) {
                    return; // the node is closing: the store may be going away under the batch
                }
                failed.accept(e);
            }
            pacer.pause(more ? BREATHER : IDLE);
        }
    }

    /** Stops the loop, waiting up to five seconds for a batch under way. */
    @Override
    public void close() {
        pacer.stopAndJoin(thread, Duration.ofSeconds(5));
    }
}

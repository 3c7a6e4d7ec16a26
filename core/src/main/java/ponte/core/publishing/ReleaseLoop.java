package ponte.core.publishing;

import java.time.Duration;
import java.util.function.Consumer;
import ponte.core.log.Leadership;

/**
 * Runs {@link Releasing} about once a second on a virtual thread, on the one node that leads "releases", so embargo
 * lapses and licence starts become log entries within about a second of their time. Polling the small releases table
 * once a second is cheaper than timers per item, and survives restarts for free.
 */
public final class ReleaseLoop implements AutoCloseable {
    static final String ROLE = "releases";
    private static final Duration EVERY = Duration.ofSeconds(1);

    private final Releasing releasing;
    private final Leadership leadership;
    private final Runnable everyRound;
    private final Consumer<RuntimeException> failed;
    private final Thread thread;

    /**
     * @param everyRound run each round on every node, leader or not, before releasing (the node follows changes to the
     *                   network made on other nodes)
     * @param failed     told of a round that failed; the loop tries again a second later
     */
    public ReleaseLoop(Releasing releasing, Leadership leadership, Runnable everyRound, Consumer<RuntimeException> failed) {
        this.releasing = releasing;
        this.leadership = leadership;
        this.everyRound = everyRound;
        this.failed = failed;
        this.thread = Thread.ofVirtual().name("ponte-releases").unstarted(this::run);
    }

    public ReleaseLoop start() {
        thread.start();
        return this;
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                everyRound.run();
                if (leadership.lead(ROLE)) { // on several nodes one releases, so no entry is doubled
                    releasing.runDue();
                }
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return; // the node is closing: the interrupt cut the query short
                }
                failed.accept(e);
            }
            try {
                Thread.sleep(EVERY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops the loop, waiting up to five seconds for a round under way. */
    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(5_000);
    }
}

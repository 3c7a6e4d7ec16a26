package ponte.core.publishing;

import java.time.Duration;
import java.util.function.Consumer;
import ponte.core.Pacer;
import ponte.core.log.Leadership;

/**
 * Runs {@link Releasing} about once a second on a virtual thread, on the one node that leads "releases", so embargo
 * lapses and licence starts become log entries within about a second of their time. Polling the small releases table
 * once a second is cheaper than timers per item, and survives restarts for free. Stopped by its {@link Pacer}, never
 * interrupted: a round is usually inside a database call.
 */
public final class ReleaseLoop implements AutoCloseable {
    static final String ROLE = "releases";
    private static final Duration EVERY = Duration.ofSeconds(1);

    private final Releasing releasing;
    private final Leadership leadership;
    private final Runnable everyRound;
    private final Consumer<RuntimeException> failed;
    private final Pacer pacer = new Pacer();
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
        while (pacer.running()) {
            try {
                everyRound.run();
                if (leadership.lead(ROLE)) { // on several nodes one releases, so no entry is doubled
                    releasing.runDue();
                }
            } catch (RuntimeException e) {
                if (!pacer.running()) {
                    return; // the node is closing: the store may be going away under the round
                }
                failed.accept(e);
            }
            pacer.pause(EVERY);
        }
    }

    /** The loop's thread (diagnostics, and tests that interrupt it to show it carries on). */
    public Thread thread() {
        return thread;
    }

    /** Stops the loop, waiting up to five seconds for a round under way. */
    @Override
    public void close() {
        pacer.stopAndJoin(thread, Duration.ofSeconds(5));
    }
}

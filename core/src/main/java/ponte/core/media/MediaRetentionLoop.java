package ponte.core.media;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import ponte.core.Pacer;

/**
 * Runs {@link MediaRetention} on a virtual thread: a sweep at start and then every {@link #EVERY}, on the one node
 * that leads the sweeps (where several share a database; sweeping together would be harmless, only wasted). Stopped by its {@link Pacer}, never interrupted (a sweep is usually inside a database
 * or store call).
 */
public final class MediaRetentionLoop implements AutoCloseable {
    static final Duration EVERY = Duration.ofHours(1);

    private final MediaRetention retention;
    private final BooleanSupplier leading;
    private final Consumer<MediaRetention.Swept> swept;
    private final Consumer<RuntimeException> failures;
    private final Pacer pacer = new Pacer();
    private final Thread thread;

    /**
     * @param leading  whether this node sweeps now (it leads "media-retention")
     * @param swept    told of each sweep, for the log
     * @param failures told of a sweep that could not finish (the database or the store away); the next one tries again
     */
    public MediaRetentionLoop(MediaRetention retention, BooleanSupplier leading, Consumer<MediaRetention.Swept> swept,
                              Consumer<RuntimeException> failures) {
        this.retention = retention;
        this.leading = leading;
        this.swept = swept;
        this.failures = failures;
        this.thread = Thread.ofVirtual().name("ponte-media-retention").unstarted(this::run);
    }

    public MediaRetentionLoop start() {
        thread.start();
        return this;
    }

    /** Sweeps now rather than at the next hour (operators and tests). */
    public void wake() {
        pacer.wake();
    }

    private void run() {
        while (pacer.running()) {
            try {
                if (leading.getAsBoolean()) {
                    swept.accept(retention.sweep());
                }
            } catch (RuntimeException e) {
                if (!pacer.running()) {
                    return; // the node is closing: the store may be going away under the sweep
                }
                failures.accept(e);
            }
            pacer.pause(EVERY);
        }
    }

    @Override
    public void close() {
        pacer.stopAndJoin(thread, java.time.Duration.ofSeconds(10));
    }
}

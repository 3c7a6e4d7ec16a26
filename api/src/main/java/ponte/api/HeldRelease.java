package ponte.api;

import java.time.Duration;
import java.util.function.Consumer;
import ponte.core.Pacer;

/**
 * Publishes held requests once their media are ready ({@link ItemsResource#releaseHeld}), looking every second: one
 * virtual thread per node; the held table decides which node publishes each.
 */
public final class HeldRelease implements AutoCloseable {
    static final Duration POLL = Duration.ofSeconds(1);

    private final Runnable release;
    private final Consumer<RuntimeException> failures;
    private final Pacer pacer = new Pacer();
    private final Thread thread;

    /** @param failures told of a pass that could not go on (the database away), for the log; the next pass tries again */
    public HeldRelease(ItemsResource items, Consumer<RuntimeException> failures) {
        this.release = items::releaseHeld;
        this.failures = failures;
        this.thread = Thread.ofVirtual().name("ponte-held-release").unstarted(this::run);
    }

    public HeldRelease start() {
        thread.start();
        return this;
    }

    private void run() {
        while (pacer.running()) {
            try {
                release.run();
            } catch (RuntimeException e) {
                if (!pacer.running()) {
                    return;
                }
                failures.accept(e);
            }
            pacer.pause(POLL);
        }
    }

    @Override
    public void close() {
        pacer.stop();
        Pacer.join(thread, Duration.ofSeconds(10));
    }
}

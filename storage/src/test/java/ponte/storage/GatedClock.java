package ponte.storage;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The system clock, except that once {@link #hold() held} the next reading waits until {@link #release()}: a test
 * keeps the log's writer busy inside one change this way, while it queues the changes of the next group.
 */
final class GatedClock extends Clock {
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile CountDownLatch reached = new CountDownLatch(1);
    private volatile boolean held;

    void hold() {
        gate = new CountDownLatch(1);
        reached = new CountDownLatch(1);
        held = true;
    }

    /** Waits until a reading is waiting at the gate. */
    void awaitHeld() throws InterruptedException {
        if (!reached.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("nobody read the clock");
        }
    }

    void release() {
        gate.countDown();
    }

    @Override
    public Instant instant() {
        if (held) {
            held = false;
            reached.countDown();
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Instant.now().truncatedTo(ChronoUnit.MICROS); // as the databases store it
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}

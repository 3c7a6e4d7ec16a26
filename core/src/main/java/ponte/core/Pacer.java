package ponte.core;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How every background loop of a node waits between rounds and is stopped: by a flag and a wake-up, never by
 * {@link Thread#interrupt()}. A loop may be inside a database or Lucene call whenever it is stopped, and an interrupt
 * there closes the file channel under the embedded H2 store or the index (a closed store answered every later request
 * with 503). So {@link #stop()} only sets a flag and wakes the loop, which ends at its next look at {@link #running()};
 * {@link #pause} ignores interrupts and returns with the thread's interrupt status cleared, so one that arrives by
 * mistake from elsewhere neither ends the loop nor reaches its next database call.
 *
 * <p>A wake-up is remembered: one that comes while the loop is busy makes its next pause return at once, so no
 * change is missed between a loop's last look and its wait.
 */
public final class Pacer {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private boolean signalled;
    private volatile boolean running = true;

    /** Whether the loop is to go on. */
    public boolean running() {
        return running;
    }

    /** Ends the pause under way, or the next one. */
    public void wake() {
        lock.lock();
        try {
            signalled = true;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Tells the loop to end: it sees so at its next look at {@link #running()}, woken if it was pausing. */
    public void stop() {
        running = false;
        wake();
    }

    /**
     * Waits until {@code duration} has passed, the loop is woken or it is stopped.
     *
     * @return whether it was woken or stopped before the time was up
     */
    public boolean pause(Duration duration) {
        long nanos = Math.max(0, Math.min(duration.toNanos(), TimeUnit.DAYS.toNanos(1)));
        lock.lock();
        try {
            while (!signalled && running && nanos > 0) {
                try {
                    nanos = woken.awaitNanos(nanos);
                } catch (InterruptedException strayInterrupt) {
                    // Not how loops are stopped: keep waiting (the interrupt status is now clear).
                }
            }
            boolean early = signalled || !running;
            signalled = false;
            return early;
        } finally {
            lock.unlock();
            Thread.interrupted(); // also an interrupt that came while the loop was busy before this pause
        }
    }

    /**
     * Stops the loop and waits at most {@code bound} for its thread to end; an interrupt of the waiting thread ends
     * the wait early (and stays set).
     *
     * @return whether the thread ended in time
     */
    public boolean stopAndJoin(Thread thread, Duration bound) {
        stop();
        return join(thread, bound);
    }

    /** Waits at most {@code bound} for a thread to end; returns whether it did. Never interrupts it. */
    public static boolean join(Thread thread, Duration bound) {
        try {
            return thread.join(bound);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !thread.isAlive();
        } catch (IllegalThreadStateException notStarted) {
            return true;
        }
    }
}

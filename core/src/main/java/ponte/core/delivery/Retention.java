package ponte.core.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * How long delivery attempts and dead letters are kept, and their pruning. They are the working record of push
 * delivery, which grows with every request; what is of record is kept forever elsewhere: the content log, its routes
 * and the first delivery of each entry to each endpoint (reach facts). Pruning goes a small batch per transaction,
 * so no lock is held for long and the delivery journal, writing attempts at the same time, never waits much.
 */
public final class Retention {
    public static final Duration DEFAULT = Duration.ofDays(30);
    /** Rows per transaction: a few milliseconds of deleting, so delivery's writes interleave with a long prune. */
    public static final int BATCH = 500;

    /** What one batch or one round removed. */
    public record Pruned(long attempts, long deadLetters) {
        public static final Pruned NONE = new Pruned(0, 0);

        Pruned plus(Pruned other) {
            return new Pruned(attempts + other.attempts, deadLetters + other.deadLetters);
        }

        public boolean any() {
            return attempts > 0 || deadLetters > 0;
        }
    }

    private final Deliveries deliveries;
    private final Duration keep;
    private final Clock clock;

    /** @param keep how long attempts and dead letters are kept: at least a day, so a bad setting cannot empty them */
    public Retention(Deliveries deliveries, Duration keep, Clock clock) {
        if (keep.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("delivery attempts and dead letters are kept at least a day, not " + keep);
        }
        this.deliveries = deliveries;
        this.keep = keep;
        this.clock = clock;
    }

    public Duration keep() {
        return keep;
    }

    /** The moment before which attempts and dead letters are pruned now. */
    public Instant cutoff() {
        return clock.instant().minus(keep);
    }

    /**
     * Prunes batch after batch until nothing from before {@code before} (a {@link #cutoff()}) is left, telling
     * {@code progress} of each batch that removed something; between batches it asks {@code goOn} (which may pause, to
     * let delivery in) whether to go on. Returns what the round removed. Harmless if another node prunes at the same
     * time: a row is removed once.
     */
    public Pruned prune(Instant before, Consumer<Pruned> progress, BooleanSupplier goOn) {
        Pruned total = Pruned.NONE;
        while (true) {
            Pruned batch = new Pruned(deliveries.pruneAttempts(before, BATCH), deliveries.pruneDeadLetters(before, BATCH));
            if (batch.any()) {
                progress.accept(batch);
            }
            total = total.plus(batch);
            if (batch.attempts() < BATCH && batch.deadLetters() < BATCH || !goOn.getAsBoolean()) {
                return total;
            }
        }
    }
}

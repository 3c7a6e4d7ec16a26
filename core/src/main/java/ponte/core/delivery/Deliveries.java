package ponte.core.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import ponte.core.items.ItemId;
import ponte.core.log.Cursor;

/** Port: attempts, dead letters and reach facts of push delivery. */
public interface Deliveries {
    /**
     * Writes an outcome in one transaction and returns once it is durable. The progress is written only if the
     * endpoint's epoch is still the outcome's: returns false when it was not (the cursor was moved by hand meanwhile).
     */
    boolean record(Outcome outcome);

    /**
     * Queues an outcome to be written like {@link #record}, in submission order, and returns at once; the future
     * completes when it is durable. Lets an endpoint send its next entry while the last outcome commits.
     */
    CompletableFuture<Boolean> submit(Outcome outcome);

    /** Attempts, newest first, older than {@code before} (an attempt's sequence number) when given. */
    List<Recorded> attempts(EndpointId endpoint, Optional<Long> before, int limit);

    /** Dead letters in log order, after {@code after}. */
    List<DeadLetter> deadLetters(EndpointId endpoint, Cursor after, int limit);

    /** Marks dead letters for one more attempt (one, or all when {@code entry} is empty); returns how many. */
    int requestResend(EndpointId endpoint, Optional<Cursor> entry);

    /** Dead letters marked for re-sending, in log order. */
    List<DeadLetter> resendsRequested(EndpointId endpoint, int limit);

    /** Whether any version of the item was delivered to the endpoint. */
    boolean received(EndpointId endpoint, ItemId item);

    /**
     * Removes up to {@code limit} attempts made before {@code before}, oldest first, in one short transaction; returns
     * how many. Reach facts are not attempts: they are never removed.
     */
    int pruneAttempts(Instant before, int limit);

    /**
     * Removes up to {@code limit} dead letters that died before {@code before} and wait for no re-send, oldest first,
     * in one short transaction; returns how many.
     */
    int pruneDeadLetters(Instant before, int limit);

    /** An attempt as stored, with the number that pages through them. */
    record Recorded(long seq, Attempt attempt) {}
}

package ponte.core.audit;

import java.time.Clock;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import ponte.core.access.Caller;
import ponte.core.orgs.OrgId;

/**
 * How use cases record their changes: the change and its entry in one transaction, so a change that cannot be recorded
 * is not made (the caller gets the store's failure, a 503, and nothing changed). Side effects outside the stores (the
 * entitlement snapshot, waking a pusher or a poller) belong after the call, once both are committed.
 */
public final class Audit {
    /** What the entry says about a change once it is made. */
    public record Note(String target, String summary, Set<OrgId> concerns) {}

    private final AuditTrail trail;
    private final Transactions transactions;
    private final Clock clock;

    public Audit(AuditTrail trail, Transactions transactions, Clock clock) {
        this.trail = trail;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Makes {@code change} and records it, atomically; {@code note} says what was done, from the change's result. */
    public <T> T change(Caller caller, Action action, Supplier<T> change, Function<? super T, Note> note) {
        return transactions.atomically(() -> {
            T result = change.get();
            record(caller, action, note.apply(result));
            return result;
        });
    }

    /** As above, for a change with no result worth keeping. */
    public void change(Caller caller, Action action, Runnable change, Note note) {
        change(caller, action, () -> {
            change.run();
            return note;
        }, Function.identity());
    }

    /**
     * Records a change on its own: for one made of several transactions of its own (an uploaded document, whose
     * items are each recorded as they are filed), or that changes no store (a poll asked for).
     */
    public void record(Caller caller, Action action, Note note) {
        trail.record(new AuditEntry(clock.instant(), Actor.of(caller), action, note.target(), note.summary(), note.concerns()));
    }
}

package ponte.core.audit;

import java.util.List;
import java.util.Optional;
import ponte.core.orgs.OrgId;

/**
 * Port: the audit trail, append-only. There is no way to change or remove an entry: the store offers none, and the
 * API none.
 */
public interface AuditTrail {
    /** Records an entry, in the caller's transaction when there is one ({@link Transactions}). */
    void record(AuditEntry entry);

    /** Entries newest first, as {@code query} narrows them. */
    List<Recorded> read(Query query);

    /** An entry with its place in the trail (later entries have higher positions). */
    record Recorded(long position, AuditEntry entry) {}

    /**
     * @param concerning only entries that concern this org; every entry if empty (the operator)
     * @param before     only entries before this position (the page's cursor)
     */
    record Query(Optional<OrgId> concerning, Optional<Action> action, Optional<java.time.Instant> since, Optional<Long> before, int limit) {}
}

package ponte.core.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ponte.core.Invalid;
import ponte.core.NotAllowed;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.orgs.OrgId;

/**
 * Reading the audit trail: an org's admins read the entries that concern their org (its own actions, actions on it,
 * and actions on agreements it is a party to); the operator reads every entry. Nobody changes one.
 */
public final class Auditing {
    public static final int MAX_PAGE = 500;

    private final AuditTrail trail;

    public Auditing(AuditTrail trail) {
        this.trail = trail;
    }

    /** A page of entries, newest first, before {@code before} (from the newest if empty), at most {@code limit}. */
    public List<AuditTrail.Recorded> read(Caller caller, Optional<Action> action, Optional<Instant> since, Optional<AuditPosition> before,
                                          int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new Invalid("/limit", "limit must be between 1 and " + MAX_PAGE);
        }
        Optional<OrgId> concerning = caller instanceof Caller.Operator ? Optional.empty() : Optional.of(caller.actingFor(Role.ADMIN));
        return trail.read(new AuditTrail.Query(concerning, action, since, before.map(AuditPosition::value), limit));
    }
}

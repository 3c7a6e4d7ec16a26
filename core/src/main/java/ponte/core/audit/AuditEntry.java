package ponte.core.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import ponte.core.orgs.OrgId;

/**
 * One recorded change.
 *
 * @param target   the id of what was changed, of the kind {@link Action#targetType()} names
 * @param summary  a short account for people ("approved version 2"); cut to {@link #MAX_SUMMARY} characters
 * @param concerns the orgs whose admins may read the entry: the actor's org, the org acted on, an agreement's parties
 */
public record AuditEntry(Instant at, Actor actor, Action action, String target, String summary, Set<OrgId> concerns) {
    public static final int MAX_SUMMARY = 500;

    public AuditEntry {
        Objects.requireNonNull(at);
        Objects.requireNonNull(actor);
        Objects.requireNonNull(action);
        Objects.requireNonNull(target);
        summary = summary.length() > MAX_SUMMARY ? summary.substring(0, MAX_SUMMARY - 1) + "…" : summary;
        concerns = Set.copyOf(concerns);
    }
}

package ponte.core.coproduction;

import java.time.Instant;
import java.util.Set;
import ponte.core.agreements.Approvals;
import ponte.core.orgs.OrgId;

/** One version of a co-production, with who drafted it and which parties' admins approved it (as an agreement's). */
public record ProjectVersion(int number, Plan plan, OrgId createdBy, Instant createdAt, Set<OrgId> approvedBy) {
    public ProjectVersion {
        approvedBy = Set.copyOf(approvedBy);
    }

    public boolean approvedByEveryParty() {
        return approvedBy.containsAll(plan.orgs());
    }

    public Set<OrgId> awaitingApproval() {
        return Approvals.awaiting(plan.orgs(), approvedBy);
    }
}

package ponte.core.agreements;

import java.time.Instant;
import java.util.Set;
import ponte.core.orgs.OrgId;

/** One version of an agreement, with who drafted it and which parties' admins approved it. */
public record AgreementVersion(int number, Terms terms, OrgId createdBy, Instant createdAt, Set<OrgId> approvedBy) {
    public AgreementVersion {
        approvedBy = Set.copyOf(approvedBy);
    }

    public boolean approvedByEveryParty() {
        return approvedBy.containsAll(terms.parties());
    }

    public Set<OrgId> awaitingApproval() {
        return Approvals.awaiting(terms.parties(), approvedBy);
    }
}

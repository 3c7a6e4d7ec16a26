package ponte.core.agreements;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import ponte.core.Conflict;
import ponte.core.orgs.OrgId;

/**
 * The approval rule agreements and co-productions share: each version needs every party's approval, a change makes a
 * new version that needs them all again, and an approver names the version it read, so it never approves one it has
 * not read.
 */
public final class Approvals {
    private Approvals() {}

    /** Refuses an approval of {@code read} when {@code current} is another version; no version read approves the current. */
    public static void requireCurrent(Optional<Integer> read, int current) {
        if (read.isPresent() && read.get() != current) {
            throw new Conflict("version " + read.get() + " is not the current version (" + current + "); read it and approve again");
        }
    }

    /** The parties still to approve, sorted. */
    public static Set<OrgId> awaiting(Set<OrgId> parties, Set<OrgId> approvedBy) {
        return parties.stream().filter(p -> !approvedBy.contains(p)).collect(Collectors.toCollection(TreeSet::new));
    }
}

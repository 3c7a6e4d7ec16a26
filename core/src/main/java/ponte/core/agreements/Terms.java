package ponte.core.agreements;

import java.util.List;
import java.util.Set;
import ponte.core.Invalid;
import ponte.core.licensing.Validity;
import ponte.core.orgs.OrgId;

/** What one version of an agreement says. */
public record Terms(String title, Set<OrgId> parties, Validity validity, List<Grant> grants) {
    public Terms {
        if (title == null || title.isBlank() || title.length() > 500) {
            throw new Invalid("/title", "title must be 1-500 characters");
        }
        parties = Set.copyOf(parties);
        grants = List.copyOf(grants);
        if (parties.isEmpty()) {
            throw new Invalid("/parties", "an agreement has at least one party");
        }
        if (grants.isEmpty()) {
            throw new Invalid("/grants", "an agreement grants something");
        }
        for (int i = 0; i < grants.size(); i++) {
            if (!parties.contains(grants.get(i).licensor())) {
                throw new Invalid("/grants/" + i + "/licensor", "the licensor must be a party to the agreement");
            }
        }
    }

    /** Every org the terms name: the parties, and each grant's licensor and licensee. */
    public Set<OrgId> orgs() {
        Set<OrgId> out = new java.util.HashSet<>(parties);
        grants.forEach(g -> {
            out.add(g.licensor());
            out.add(g.licensee());
        });
        return Set.copyOf(out);
    }

    public Terms withValidity(Validity newValidity) {
        return new Terms(title, parties, newValidity, grants);
    }
}

package ponte.core.campaigns;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import ponte.core.access.Caller;
import ponte.core.orgs.OrgId;

/** A campaign and its current version; its owner is the org that created it. */
public record Campaign(String id, OrgId owner, CampaignVersion current) {
    public Campaign {
        Objects.requireNonNull(id);
        Objects.requireNonNull(owner);
        Objects.requireNonNull(current);
    }

    /** The owner and every channel's partner: who may know the campaign exists. */
    public Set<OrgId> concerned() {
        Set<OrgId> orgs = new HashSet<>();
        orgs.add(owner);
        current.terms().channels().forEach(c -> orgs.add(c.partner()));
        return Set.copyOf(orgs);
    }

    public boolean visibleTo(Caller caller) {
        return caller.belongsToAny(concerned());
    }

    public CampaignTerms terms() {
        return current.terms();
    }
}

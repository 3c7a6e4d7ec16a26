package ponte.core.licensing;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Territories;

/**
 * Where each party of a co-production distributes what the project releases: a co-produced item reaches a party's
 * partners under that party's licences only within that party's territories (Italpress's partners in Italy, CCTV+'s
 * everywhere else). An owner that is no party of the project's approved plan carries the item nowhere.
 */
public record ProjectTerritories(String project, Map<OrgId, Territories> byParty) {
    public ProjectTerritories {
        Objects.requireNonNull(project);
        byParty = Map.copyOf(byParty);
    }

    /** Where this licensor's partners may receive the project's items. */
    public Optional<Territories> of(OrgId licensor) {
        return Optional.ofNullable(byParty.get(licensor));
    }
}

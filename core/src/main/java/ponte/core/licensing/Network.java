package ponte.core.licensing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.OrgId;

/** A snapshot of what the rules read: every licence, and each org's territories (its country and its outlets' countries). */
public record Network(List<Licence> licences, Map<OrgId, Set<CountryCode>> territories) {
    public static final Network EMPTY = new Network(List.of(), Map.of());

    public Network {
        licences = List.copyOf(licences);
        territories = Map.copyOf(territories);
    }

    public Set<CountryCode> territoriesOf(OrgId org) {
        return territories.getOrDefault(org, Set.of());
    }
}

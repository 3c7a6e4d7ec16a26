package ponte.core.licensing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.OrgId;

/**
 * A snapshot of what the rules read: the licences in force, each org's territories (its country and its outlets'
 * countries), and the licences that exist on paper but are not in force, with why (for "explain").
 */
public record Network(List<Licence> licences, Map<OrgId, Set<CountryCode>> territories, List<Dormant> dormant) {
    public static final Network EMPTY = new Network(List.of(), Map.of(), List.of());

    /** A licence that is not in force, and the reason (an approval missing, a suspension). */
    public record Dormant(Licence licence, String reason) {}

    public Network {
        licences = List.copyOf(licences);
        territories = Map.copyOf(territories);
        dormant = List.copyOf(dormant);
    }

    public Network(List<Licence> licences, Map<OrgId, Set<CountryCode>> territories) {
        this(licences, territories, List.of());
    }

    public Set<CountryCode> territoriesOf(OrgId org) {
        return territories.getOrDefault(org, Set.of());
    }
}

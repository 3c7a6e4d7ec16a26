package ponte.core.licensing;

import java.util.Optional;
import ponte.core.items.ItemId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.OrgId;

/**
 * A snapshot of what the rules read: the licences in force, each org's territories (its country and its outlets'
 * countries), the licences that exist on paper but are not in force, with why (for "explain"), and the territories of
 * each co-produced item's parties.
 */
public record Network(List<Licence> licences, Map<OrgId, Set<CountryCode>> territories, List<Dormant> dormant,
                      Map<ItemId, ProjectTerritories> coproduced) {
    public static final Network EMPTY = new Network(List.of(), Map.of(), List.of());

    /** A licence that is not in force, and the reason (an approval missing, a suspension). */
    public record Dormant(Licence licence, String reason) {}

    public Network {
        licences = List.copyOf(licences);
        territories = Map.copyOf(territories);
        dormant = List.copyOf(dormant);
        coproduced = Map.copyOf(coproduced);
    }

    public Network(List<Licence> licences, Map<OrgId, Set<CountryCode>> territories, List<Dormant> dormant) {
        this(licences, territories, dormant, Map.of());
    }

    public Network(List<Licence> licences, Map<OrgId, Set<CountryCode>> territories) {
        this(licences, territories, List.of());
    }

    /** The parties' territories of the co-production that made the item, if a co-production made it. */
    public Optional<ProjectTerritories> coproduction(ItemId item) {
        return Optional.ofNullable(coproduced.get(item));
    }

    /** The part of this network that concerns these orgs: see {@link NetworkSource#concerning}. */
    public Network concerning(Set<OrgId> orgs) {
        Map<OrgId, Set<CountryCode>> where = new java.util.HashMap<>();
        for (OrgId org : orgs) {
            Set<CountryCode> own = territories.get(org);
            if (own != null) {
                where.put(org, own);
            }
        }
        return new Network(licences.stream().filter(l -> orgs.contains(l.licensee())).toList(), where,
                dormant.stream().filter(d -> orgs.contains(d.licence().licensee())).toList(), coproduced);
    }

    public Set<CountryCode> territoriesOf(OrgId org) {
        return territories.getOrDefault(org, Set.of());
    }
}

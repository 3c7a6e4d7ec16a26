package ponte.core.licensing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ponte.core.items.Event;
import ponte.core.items.Item;
import ponte.core.items.Version;
import ponte.core.orgs.OrgId;

/**
 * Reference implementation for tests and benchmarks: the rules of {@link Entitlements} applied the slow, obvious way,
 * weighing every licence of the network with {@link Rule}. Never use it on a read path.
 */
public final class BruteForce {
    private BruteForce() {}

    /** What {@link Entitlements#route} must return, in no particular order. */
    public static List<Route> route(Network network, Item item, Version version, Map<OrgId, Integer> received, Instant now) {
        Set<OrgId> entitled = new LinkedHashSet<>();
        for (Licence licence : network.licences()) {
            if (!item.ownedBy(licence.licensee()) && weigh(network, licence, item, version, now).grants()) {
                entitled.add(licence.licensee());
            }
        }
        Map<OrgId, Event> routes = new LinkedHashMap<>();
        for (OrgId partner : entitled) {
            Integer last = received.get(partner);
            if (last == null && !version.isKill()) {
                routes.put(partner, Event.PUBLISHED);
            } else if (last != null && last < version.number()) {
                routes.put(partner, version.event());
            }
        }
        if (version.event().followsRecipients()) {
            received.forEach((partner, last) -> {
                if (last < version.number()) {
                    routes.putIfAbsent(partner, version.event());
                }
            });
        }
        return routes.entrySet().stream().map(e -> new Route(e.getKey(), e.getValue())).toList();
    }

    /** What {@link Entitlements#nextRelease} must return. */
    public static Optional<Instant> nextRelease(Network network, Item item, Version version, Instant now) {
        return network.licences().stream()
                .filter(licence -> !item.ownedBy(licence.licensee()))
                .flatMap(licence -> Rule.grantsFrom(licence, network.territoriesOf(licence.licensee()), item, version, now,
                        network.coproduction(item.id())).stream())
                .filter(at -> at.isAfter(now))
                .min(Instant::compareTo);
    }

    /** Whether some licence to the partner grants the version now: what {@link Entitlements#grantingLicence} must find. */
    public static boolean grants(Network network, OrgId partner, Item item, Version version, Instant now) {
        return network.licences().stream()
                .anyMatch(licence -> licence.licensee().equals(partner) && weigh(network, licence, item, version, now).grants());
    }

    private static Verdict weigh(Network network, Licence licence, Item item, Version version, Instant now) {
        return Rule.weigh(licence, network.territoriesOf(licence.licensee()), item, version, now, network.coproduction(item.id()));
    }
}

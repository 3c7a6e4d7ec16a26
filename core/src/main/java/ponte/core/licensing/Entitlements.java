package ponte.core.licensing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import ponte.core.items.Event;
import ponte.core.items.Item;
import ponte.core.items.Version;
import ponte.core.orgs.OrgId;

/**
 * The one entitlement gate. Every path that hands content to a partner (the feed, item reads, pushes, search)
 * asks this class, and only this class, whether the partner may have it.
 *
 * <p>It holds an immutable snapshot of the {@link Network}; {@link #refresh()} swaps in a new one after licences
 * or orgs change, so readers never block and never see half an update.
 */
public final class Entitlements {
    private record Snapshot(Network network, RoutingIndex index) {}

    private final Supplier<Network> source;
    private volatile Snapshot snapshot;

    public Entitlements(Supplier<Network> source) {
        this.source = source;
        this.snapshot = new Snapshot(Network.EMPTY, new RoutingIndex(List.of()));
        refresh();
    }

    /** Re-reads the network; call after any change to licences, orgs or outlets. */
    public synchronized void refresh() {
        Network network = source.get();
        snapshot = new Snapshot(network, new RoutingIndex(network.licences()));
    }

    /**
     * Whether the partner may read this version now. Corrections and kills reach whoever received the item
     * earlier, even if its licence has ended since.
     */
    public boolean mayReceive(OrgId partner, Item item, Version version, boolean receivedEarlier, Instant now) {
        if (receivedEarlier && version.event().followsRecipients()) {
            return true;
        }
        return grantingLicence(partner, item, version, now).isPresent();
    }

    public Optional<Licence> grantingLicence(OrgId partner, Item item, Version version, Instant now) {
        Snapshot s = snapshot;
        for (Licence licence : s.index().to(partner)) {
            if (Rule.weigh(licence, s.network().territoriesOf(partner), item, version, now).grants()) {
                return Optional.of(licence);
            }
        }
        return Optional.empty();
    }

    /** Every licence to the partner, weighed, with the reasons each grants or refuses (for support desks). */
    public List<Verdict> explain(OrgId partner, Item item, Version version, Instant now) {
        Snapshot s = snapshot;
        List<Verdict> verdicts = new ArrayList<>();
        for (Licence licence : s.index().to(partner)) {
            verdicts.add(Rule.weigh(licence, s.network().territoriesOf(partner), item, version, now));
        }
        return verdicts;
    }

    /**
     * The partners a new version goes to, each with the event as it sees it: entitled partners (a first receipt
     * reads "published"), plus, for a correction or kill, everyone who received the item before.
     */
    public List<Route> route(Item item, Version version, Set<OrgId> previousRecipients, Instant now) {
        Snapshot s = snapshot;
        Map<OrgId, Event> routes = new LinkedHashMap<>();
        for (Licence licence : s.index().candidates(item, version)) {
            OrgId partner = licence.licensee();
            if (routes.containsKey(partner) || item.ownedBy(partner)) {
                continue;
            }
            if (Rule.weigh(licence, s.network().territoriesOf(partner), item, version, now).grants()) {
                boolean first = !previousRecipients.contains(partner);
                if (first && version.isKill()) {
                    continue; // nothing to take down for someone who never had it
                }
                routes.put(partner, first ? Event.PUBLISHED : version.event());
            }
        }
        if (version.event().followsRecipients()) {
            for (OrgId partner : previousRecipients) {
                routes.putIfAbsent(partner, version.event());
            }
        }
        return routes.entrySet().stream().map(e -> new Route(e.getKey(), e.getValue())).toList();
    }
}

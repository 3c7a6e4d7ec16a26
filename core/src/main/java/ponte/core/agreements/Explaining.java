package ponte.core.agreements;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ponte.core.Invalid;
import ponte.core.NotFound;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.items.Items;
import ponte.core.items.Version;
import ponte.core.licensing.Entitlements;
import ponte.core.licensing.Verdict;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Orgs;

/**
 * For the owners' editors (support desks): why a partner does or does not get an item. The answer weighs the licences
 * from the item's owners to the partner, and shows of those only the ones the caller's org may see, those of
 * agreements it is a party to: explaining one's own item must not reveal another org's terms with the partner (a
 * co-owner's, whose agreements are its own). Whether the partner is entitled is the gate's verdict, whatever licence
 * makes it.
 */
public final class Explaining {
    /** Why a partner does or does not get an item's latest version now: each licence the caller may see, weighed. */
    public record Explanation(Item item, Version version, OrgId partner, boolean receivedEarlier, boolean entitled, List<Verdict> licences) {}

    private final Items items;
    private final Orgs orgs;
    private final Agreements agreements;
    private final Entitlements entitlements;
    private final Clock clock;

    public Explaining(Items items, Orgs orgs, Agreements agreements, Entitlements entitlements, Clock clock) {
        this.items = items;
        this.orgs = orgs;
        this.agreements = agreements;
        this.entitlements = entitlements;
        this.clock = clock;
    }

    public Explanation explain(Caller caller, ItemId id, OrgId partner) {
        // To anyone but its owners' keys the item does not exist; an owner's partner key may see it but not explain it.
        Item item = items.byId(id).filter(i -> caller.belongsToAny(i.owners())).orElseThrow(() -> new NotFound("no such item"));
        caller.actingFor(Role.EDITOR);
        Version latest = items.version(id, item.latestVersion()).orElseThrow(() -> new NotFound("no such item"));
        if (orgs.byId(partner).isEmpty()) { // org profiles are public: naming an unknown one tells nothing hidden
            throw new Invalid("/partner", "no organisation " + partner);
        }
        boolean received = items.received(partner, id);
        Instant now = clock.instant();
        Map<String, Boolean> seen = new HashMap<>();
        List<Verdict> visible = entitlements.explain(partner, item, latest, now).stream()
                .filter(v -> v.licence().agreement()
                        .map(a -> seen.computeIfAbsent(a, k -> agreements.byId(k).filter(x -> x.visibleTo(caller)).isPresent()))
                        .orElse(false)) // a licence of no agreement is built only by tests: nobody's to see
                .toList();
        return new Explanation(item, latest, partner, received, entitlements.mayReceive(partner, item, latest, received, now), visible);
    }
}

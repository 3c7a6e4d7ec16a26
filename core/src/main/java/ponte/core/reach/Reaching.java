package ponte.core.reach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import ponte.core.Invalid;
import ponte.core.NotFound;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.coproduction.Coproducing;
import ponte.core.items.Item;
import ponte.core.items.Items;
import ponte.core.licensing.Entitlements;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Orgs;
import ponte.core.products.Product;
import ponte.core.products.Products;

/**
 * GET /v1/reach as a use case: how far an item, a product or a co-production went. Who may ask decides what is
 * counted: the owners (an editor or admin of the item's or product's org) and a co-production's parties count every
 * partner, each party's network apart under the licensor facet; a partner that received the item (or holds a licence
 * to the product) counts only its own facts; to anyone else the scope does not exist.
 */
public final class Reaching {
    private final ReachFacts facts;
    private final Items items;
    private final Products products;
    private final Coproducing coproducing;
    private final Orgs orgs;
    private final Entitlements entitlements;

    public Reaching(ReachFacts facts, Items items, Products products, Coproducing coproducing, Orgs orgs, Entitlements entitlements) {
        this.facts = facts;
        this.items = items;
        this.products = products;
        this.coproducing = coproducing;
        this.orgs = orgs;
        this.entitlements = entitlements;
    }

    public Reach reach(Caller caller, ReachScope scope, Optional<Instant> from, Optional<Instant> to) {
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new Invalid("/to", "to must be after from");
        }
        Optional<OrgId> onlyPartner = whoseFacts(caller, scope);
        ReachFacts.Facts counted = facts.count(new ReachFacts.Filter(scope, onlyPartner, from, to));
        return new Tally(counted).reach();
    }

    /** Empty: every partner's facts; an org: only its own; not found: the caller may not know the scope. */
    private Optional<OrgId> whoseFacts(Caller caller, ReachScope scope) {
        OrgId org = caller.memberOf().orElseThrow(() -> unknown(scope));
        switch (scope) {
            case ReachScope.OfItem of -> {
                Item item = items.byId(of.item()).orElseThrow(() -> unknown(scope));
                if (item.ownedBy(org)) {
                    caller.actingFor(Role.EDITOR);
                    return Optional.empty();
                }
                if (!items.received(org, item.id())) {
                    throw unknown(scope);
                }
                return Optional.of(org);
            }
            case ReachScope.OfProduct of -> {
                Product product = products.byId(of.product()).orElseThrow(() -> unknown(scope));
                if (product.owner().equals(org)) {
                    caller.actingFor(Role.EDITOR);
                    return Optional.empty();
                }
                if (entitlements.licencesTo(org).stream().noneMatch(l -> l.products().contains(product.id()))) {
                    throw unknown(scope);
                }
                return Optional.of(org);
            }
            case ReachScope.OfCoproduction of -> {
                coproducing.read(caller, of.coproduction()); // not found to anyone but its parties
                caller.actingFor(Role.EDITOR);
                return Optional.empty();
            }
        }
    }

    private static NotFound unknown(ReachScope scope) {
        return new NotFound(switch (scope) {
            case ReachScope.OfItem of -> "no such item";
            case ReachScope.OfProduct of -> "no such product";
            case ReachScope.OfCoproduction of -> "no such co-production";
        });
    }

    /** The facts folded into totals, facets and histogram. */
    private final class Tally {
        private final ReachFacts.Facts counted;
        private final Map<String, Long> country = new HashMap<>();
        private final Map<String, Long> outlet = new HashMap<>();
        private final Map<String, Long> partner = new HashMap<>();
        private final Map<String, Long> language = new HashMap<>();
        private final Map<String, Long> licensor = new HashMap<>();
        private final Map<String, String> outletNames = new HashMap<>();

        Tally(ReachFacts.Facts counted) {
            this.counted = counted;
        }

        Reach reach() {
            long routed = 0;
            long read = 0;
            Set<OrgId> partners = new HashSet<>();
            Set<CountryCode> countries = new HashSet<>();
            for (ReachFacts.Routed r : counted.routed()) {
                routed += r.routed();
                read += r.read();
                partners.add(r.partner());
                for (CountryCode c : usable(r)) {
                    countries.add(c);
                    country.merge(c.value(), r.routed(), Long::sum);
                }
                partner.merge(r.partner().value(), r.routed(), Long::sum);
                r.language().ifPresent(l -> language.merge(l, r.routed(), Long::sum));
                r.licensor().ifPresent(l -> licensor.merge(l.value(), r.routed(), Long::sum));
            }
            long reported = 0;
            long audience = 0;
            Set<String> outlets = new HashSet<>();
            Set<OrgId> reporters = new HashSet<>();
            Map<LocalDate, Long> days = new TreeMap<>(counted.routedByDay());
            for (ReachFacts.Used u : counted.used()) {
                reported += u.reports();
                audience += u.audience();
                partners.add(u.partner());
                outlets.add(u.outlet());
                countries.add(u.country());
                country.merge(u.country().value(), u.reports(), Long::sum);
                outlet.merge(u.outlet(), u.reports(), Long::sum);
                partner.merge(u.partner().value(), u.reports(), Long::sum);
                u.language().ifPresent(l -> language.merge(l, u.reports(), Long::sum));
                days.merge(u.day(), u.reports(), Long::sum);
                reporters.add(u.partner());
            }
            orgs.outlets(reporters).values().forEach(list -> list.forEach(o -> outletNames.put(o.id(), o.name())));
            Reach.Totals totals = new Reach.Totals(routed, counted.delivered(), read, reported, partners.size(), outlets.size(),
                    countries.size(), audience);
            List<Reach.Facet> facets = List.of(
                    facet("country", country, Map.of()),
                    facet("outlet", outlet, outletNames),
                    facet("partner", partner, orgNames(partner.keySet())),
                    facet("language", language, Map.of()),
                    facet("licensor", licensor, orgNames(licensor.keySet())));
            List<Reach.Day> histogram = new ArrayList<>();
            days.forEach((day, count) -> histogram.add(new Reach.Day(day, count)));
            return new Reach(totals, facets, histogram);
        }

        private Set<CountryCode> usable(ReachFacts.Routed r) {
            return entitlements.usableCountries(r.partner(), r.licensor(), r.rights());
        }

        /** In one look-up: a product's answer names every partner. */
        private Map<String, String> orgNames(Set<String> ids) {
            Map<String, String> names = new HashMap<>();
            orgs.byIds(ids.stream().map(OrgId::new).toList()).forEach((id, o) -> names.put(id.value(), o.name()));
            return names;
        }

        private static Reach.Facet facet(String name, Map<String, Long> counts, Map<String, String> labels) {
            List<Reach.Bucket> buckets = counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .map(e -> new Reach.Bucket(e.getKey(), Optional.ofNullable(labels.get(e.getKey())), e.getValue()))
                    .toList();
            return new Reach.Facet(name, buckets);
        }
    }
}

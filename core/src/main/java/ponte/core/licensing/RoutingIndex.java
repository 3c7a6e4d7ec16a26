package ponte.core.licensing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.items.Version;
import ponte.core.orgs.CountryCode;
import ponte.core.licensing.Shelving.ShelfKey;
import ponte.core.orgs.OrgId;
import ponte.core.products.ProductId;

/**
 * {@link Rule} compiled for speed over a whole network: each licence becomes a few ints and a country bitset, filed on
 * shelves by (licensor, product, language range), so routing one version reads only the shelves that could apply,
 * sequentially, without allocating per licence. Measured against the brute force in docs/benchmarks.md.
 *
 * <p>Built in two steps because {@link Entitlements#refresh()} hands over the licences first: the constructor does
 * everything that needs only licences; {@link #withTerritories} adds where each licensee is. Without territories no
 * one can be entitled ({@code Rule} refuses a partner without territory), so the first step routes nothing.
 * Immutable; rebuilt when licences or orgs change.
 */
final class RoutingIndex {
    private static final String EVERY_LANGUAGE = Shelving.EVERY_LANGUAGE;
    /** No partner, as the words of a bit set ({@link Bits}). */
    static final long[] NO_ONE = new long[0];

    private final Licence[] licences;
    private final Partners partners;
    private final TimeRanks times;
    private final Map<ShelfKey, int[]> filed;
    private final long[] usable;
    private final Map<ShelfKey, Shelf> shelves;
    /** The parties' territories of each co-produced item: a party's licences carry it only within its own. */
    private final Function<ItemId, Optional<ProjectTerritories>> coproduced;
    /** The gate's yes under each licence, made on first use (a benign race: any copy is as good as another). */
    private final Optional<Entitlements.Access>[] accesses;

    RoutingIndex(List<Licence> licences) {
        this.licences = licences.toArray(Licence[]::new);
        this.partners = new Partners(this.licences);
        this.filed = Shelving.of(this.licences);
        this.times = new TimeRanks(this.licences);
        this.usable = new long[this.licences.length * Countries.WORDS];
        this.shelves = Map.of();
        this.coproduced = item -> Optional.empty();
        this.accesses = newAccesses(this.licences.length);
    }

    /** The same index judging co-produced items by other parties' territories: shares everything else. */
    private RoutingIndex(RoutingIndex index, Function<ItemId, Optional<ProjectTerritories>> coproduced) {
        this.licences = index.licences;
        this.partners = index.partners;
        this.times = index.times;
        this.filed = index.filed;
        this.usable = index.usable;
        this.shelves = index.shelves;
        this.coproduced = coproduced;
        this.accesses = newAccesses(licences.length);
    }

    private RoutingIndex(RoutingIndex licencesOnly, long[] usable, Function<ItemId, Optional<ProjectTerritories>> coproduced) {
        this.licences = licencesOnly.licences;
        this.partners = licencesOnly.partners;
        this.times = licencesOnly.times;
        this.filed = licencesOnly.filed;
        this.usable = usable;
        this.shelves = new HashMap<>();
        this.coproduced = coproduced;
        this.accesses = newAccesses(licences.length);
        filed.forEach((key, ordinals) -> Shelf.of(ordinals, partners, usable, times)
                .ifPresent(shelf -> shelves.put(key, shelf)));
    }

    /** This index with each licence's usable countries: where the licence allows its licensee to be and it is. */
    RoutingIndex withTerritories(Function<OrgId, Set<CountryCode>> territoriesOf) {
        return withTerritories(territoriesOf, item -> Optional.empty());
    }

    /** As above, with the parties' territories of co-produced items. */
    RoutingIndex withTerritories(Function<OrgId, Set<CountryCode>> territoriesOf, Function<ItemId, Optional<ProjectTerritories>> coproduced) {
        long[] usable = new long[licences.length * Countries.WORDS];
        for (int i = 0; i < licences.length; i++) {
            Licence licence = licences[i];
            for (CountryCode country : territoriesOf.apply(licence.licensee())) {
                if (licence.territories().allows(country)) {
                    Countries.add(usable, i, country);
                }
            }
        }
        return new RoutingIndex(this, usable, coproduced);
    }

    /** This index with other co-productions' party territories; nothing is rebuilt. */
    RoutingIndex withCoproduced(Function<ItemId, Optional<ProjectTerritories>> coproduced) {
        return new RoutingIndex(this, coproduced);
    }

    /** The licences to the licensees that pass the test, each licensee's in network order. */
    List<Licence> licencesTo(java.util.function.Predicate<OrgId> licensee) {
        List<Licence> out = new ArrayList<>();
        for (int p = 0; p < partners.size(); p++) {
            if (licensee.test(partners.org(p))) {
                for (int i : partners.licencesOf(p)) {
                    out.add(licences[i]);
                }
            }
        }
        return out;
    }

    /** The numbers of the licensees that pass the test, as the words of a bit set ({@link Bits}). */
    long[] partnersWhere(java.util.function.Predicate<OrgId> licensee) {
        long[] out = new long[Bits.words(partners.size())];
        for (int p = 0; p < partners.size(); p++) {
            if (licensee.test(partners.org(p))) {
                Bits.set(out, p);
            }
        }
        return out;
    }

    List<Licence> to(OrgId licensee) {
        int partner = partners.ordinalOf(licensee);
        return partner < 0 ? List.of() : Arrays.stream(partners.licencesOf(partner)).mapToObj(i -> licences[i]).toList();
    }

    /**
     * At most how many partners {@link #entitled} can add for this version: the licences on the shelves it reads, or
     * the partners, whichever is fewer. Sizes the list once (growing it to 12,500 partners cost 15 % of routing at 1M).
     */
    int mostEntitled(Item item, Version version) {
        long licencesOnShelves = 0;
        for (OrgId owner : item.owners()) {
            for (Shelf shelf : shelvesFor(owner, version)) {
                licencesOnShelves += shelf.size();
            }
        }
        return (int) Math.min(licencesOnShelves, partners.size());
    }

    /**
     * Every partner, other than the item's owners and those numbered in {@code skipped} (judged by another index), that
     * some licence entitles to this version now, each once, added to {@code out} as its first receipt ("published").
     */
    void entitled(Item item, Version version, Instant now, long[] skipped, List<Route> out) {
        Moment whole = Moment.of(item, version, now, times);
        Optional<ProjectTerritories> project = coproduced.apply(item.id());
        long[] done = partners.owners(item);
        Bits.or(done, skipped);
        for (OrgId owner : item.owners()) {
            Moment moment = narrowed(whole, version, project, owner);
            for (Shelf shelf : shelvesFor(owner, version)) {
                entitledOn(shelf, moment, done, out);
            }
        }
    }

    private void entitledOn(Shelf shelf, Moment moment, long[] done, List<Route> out) {
        if (moment.everywhere() && moment.released()) {
            // The open-ended, undelayed licences grant at once: their partners as a set, then only the other licences.
            long[] always = shelf.always;
            for (int w = 0; w < always.length; w++) {
                long fresh = always[w] & ~done[w];
                done[w] |= fresh;
                for (; fresh != 0; fresh &= fresh - 1) {
                    out.add(partners.firstReceipt((w << 6) + Long.numberOfTrailingZeros(fresh)));
                }
            }
            for (int i : shelf.conditional) {
                int partner = shelf.partner[i];
                if (!Bits.get(done, partner) && shelf.inTime(i, moment)) {
                    Bits.set(done, partner);
                    out.add(partners.firstReceipt(partner));
                }
            }
            return;
        }
        for (int i = 0; i < shelf.size(); i++) {
            int partner = shelf.partner[i];
            if (!Bits.get(done, partner) && shelf.inTime(i, moment) && shelf.inTerritory(i, moment)) {
                Bits.set(done, partner);
                out.add(partners.firstReceipt(partner));
            }
        }
    }

    /** The moment as the owner's licences see it: for a co-produced item, only within the owner's party territories. */
    private static Moment narrowed(Moment whole, Version version, Optional<ProjectTerritories> project, OrgId owner) {
        if (project.isEmpty()) {
            return whole;
        }
        return whole.within(rightsUnder(version, project, owner));
    }

    private static long[] rightsUnder(Version version, Optional<ProjectTerritories> project, OrgId licensor) {
        long[] rights = Countries.allowedBy(version.rights());
        return project.isEmpty() ? rights : Countries.both(rights, Countries.allowedBy(project.get().of(licensor).orElse(Rule.NOWHERE)));
    }

    private Instant nextOn(Shelf shelf, Moment moment, long[] owners, Instant now, Instant earliest) {
        for (int i = 0; i < shelf.size(); i++) {
            if (Bits.get(owners, shelf.partner[i]) || !shelf.inTerritory(i, moment) || shelf.inTime(i, moment)) {
                continue; // an owner's, one that never grants, or one that grants already: none is a release to come
            }
            Instant at = latest(now, moment.release().plus(times.delay(shelf.delay[i])), times.bound(shelf.from[i]));
            if (at.isAfter(now) && times.boundAfter(shelf.to[i], at) && (earliest == null || at.isBefore(earliest))) {
                earliest = at;
            }
        }
        return earliest;
    }

    /** As {@link Rule#grantsFrom}, minimised over the licences to partners other than the owners; only after now. */
    Optional<Instant> nextRelease(Item item, Version version, Instant now) {
        return Optional.ofNullable(nextRelease(item, version, now, NO_ONE, null));
    }

    /** As above, leaving out the partners numbered in {@code skipped}, and no later than {@code earliest} (null: none yet). */
    Instant nextRelease(Item item, Version version, Instant now, long[] skipped, Instant earliest) {
        Moment whole = Moment.of(item, version, now, times);
        Optional<ProjectTerritories> project = coproduced.apply(item.id());
        long[] owners = partners.owners(item);
        Bits.or(owners, skipped);
        for (OrgId owner : item.owners()) {
            Moment moment = narrowed(whole, version, project, owner);
            for (Shelf shelf : shelvesFor(owner, version)) {
                earliest = nextOn(shelf, moment, owners, now, earliest);
            }
        }
        return earliest;
    }

    /** The first licence to the partner, in network order, that grants this version now. */
    Optional<Licence> grantingLicence(OrgId licensee, Item item, Version version, Instant now) {
        int i = grantingLicence(ordinalOf(licensee), item, version, now);
        return i < 0 ? Optional.empty() : Optional.of(licences[i]);
    }

    /** The partner's number in this index, or -1 if no licence names it. */
    int ordinalOf(OrgId licensee) {
        return partners.ordinalOf(licensee);
    }

    /** The gate's yes under the i-th licence, made once per licence and index (a feed page asks fifty times a request). */
    Optional<Entitlements.Access> access(int i) {
        Optional<Entitlements.Access> access = accesses[i];
        if (access == null) {
            access = Optional.of(new Entitlements.Access(Optional.of(licences[i])));
            accesses[i] = access;
        }
        return access;
    }

    /**
     * As above, by the partner's number, as the licence's number; -1 if none grants. Asked for every feed entry on every
     * feed request, so it allocates nothing: Rule's checks in order of cost, on the licence's own times (Times ranks
     * pay off when scanning many licences per version, not a partner's few).
     */
    int grantingLicence(int partner, Item item, Version version, Instant now) {
        if (partner < 0) {
            return -1;
        }
        Instant release = Moment.release(item, version);
        long[] rights = null;
        String language = null;
        Optional<ProjectTerritories> project = coproduced.apply(item.id());
        for (int i : partners.licencesOf(partner)) {
            Licence licence = licences[i];
            if (!item.ownedBy(licence.licensor()) || !coversAProduct(licence, version) || !inTime(licence, release, now)) {
                continue;
            }
            if (project.isPresent()) {
                rights = rightsUnder(version, project, licence.licensor()); // each party within its own territories
                language = version.content().language().orElse("");
            } else if (rights == null) {
                rights = Countries.allowedBy(version.rights());
                language = version.content().language().orElse("");
            }
            if (Countries.intersects(usable, i, rights) && Languages.covers(licence.languages(), language)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The earliest instant after now at which {@link #grantingLicence(int, Item, Version, Instant)} could answer
     * otherwise for this version, or {@link Instant#MAX}: the next start or end of validity, or release plus delay,
     * among the partner's licences from an owner of the item for one of its products. Territories, languages and
     * co-production do not change with time (they change with the network, which makes a new index).
     */
    Instant holdsUntil(int partner, Item item, Version version, Instant now) {
        if (partner < 0) {
            return Instant.MAX;
        }
        Instant release = Moment.release(item, version);
        Instant until = Instant.MAX;
        for (int i : partners.licencesOf(partner)) {
            Licence licence = licences[i];
            if (!item.ownedBy(licence.licensor()) || !coversAProduct(licence, version)) {
                continue;
            }
            Validity validity = licence.validity();
            until = earlierAfter(now, until, validity.from().orElse(null));
            until = earlierAfter(now, until, validity.to().orElse(null));
            until = earlierAfter(now, until, release.plus(licence.embargoDelay()));
        }
        return until;
    }

    private static Instant earlierAfter(Instant now, Instant until, Instant bound) {
        return bound != null && bound.isAfter(now) && bound.isBefore(until) ? bound : until;
    }

    /** Rule's time checks: from ≤ now &lt; to, and release + the licence's delay ≤ now. */
    private static boolean inTime(Licence licence, Instant release, Instant now) {
        Validity validity = licence.validity();
        if (validity.from().isPresent() && now.isBefore(validity.from().get())) {
            return false;
        }
        if (validity.to().isPresent() && !now.isBefore(validity.to().get())) {
            return false;
        }
        return !now.isBefore(release.plus(licence.embargoDelay())); // plus(ZERO) returns release itself
    }

    @SuppressWarnings("unchecked")
    private static Optional<Entitlements.Access>[] newAccesses(int n) {
        return (Optional<Entitlements.Access>[]) new Optional<?>[n];
    }

    private static boolean coversAProduct(Licence licence, Version version) {
        for (ProductId product : version.products()) {
            if (licence.products().contains(product)) {
                return true;
            }
        }
        return false;
    }

    /** The shelves of one owner of the item and the version's products whose ranges cover its language (RFC 4647 basic filtering). */
    private List<Shelf> shelvesFor(OrgId owner, Version version) {
        List<String> ranges = rangesCovering(version.content().language().orElse(""));
        List<Shelf> out = new ArrayList<>();
        for (ProductId product : version.products()) {
            for (String range : ranges) {
                Shelf shelf = shelves.get(new ShelfKey(owner, product, range));
                if (shelf != null) {
                    out.add(shelf);
                }
            }
        }
        return out;
    }

    /**
     * Every range {@link Languages#covers} would match this language against: "*", the tag itself, and each prefix
     * ending before a hyphen ("zh-hans-cn" → "zh-hans", "zh"). No language is matched only by licences naming none.
     */
    static List<String> rangesCovering(String language) {
        List<String> ranges = new ArrayList<>();
        ranges.add(EVERY_LANGUAGE);
        if (language == null || language.isEmpty()) {
            return ranges;
        }
        String tag = Languages.normalise(language);
        ranges.add("*");
        ranges.add(tag);
        for (int i = tag.indexOf('-'); i >= 0; i = tag.indexOf('-', i + 1)) {
            ranges.add(tag.substring(0, i));
        }
        return ranges;
    }

    private static Instant latest(Instant a, Instant b, Instant c) {
        Instant ab = a.isAfter(b) ? a : b;
        return ab.isAfter(c) ? ab : c;
    }
}

package ponte.core.licensing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import ponte.core.items.Item;
import ponte.core.items.Version;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.OrgId;
import ponte.core.products.ProductId;
import ponte.core.orgs.Territories;

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
    /** A licence that names no language covers every item, even one without a language; so it gets its own key. */
    private static final String EVERY_LANGUAGE = null;

    private record ShelfKey(OrgId licensor, ProductId product, String range) {}

    private final Licence[] licences;
    private final OrgId[] partners;
    private final Map<OrgId, Integer> partnerOrdinal;
    private final int[] partnerOf;
    private final int[][] licencesOfPartner;
    private final Times times;
    private final Map<ShelfKey, int[]> filed;
    private final long[] usable;
    private final Map<ShelfKey, Shelf> shelves;
    /** The gate's yes under each licence, made on first use (a benign race: any copy is as good as another). */
    private final Optional<Entitlements.Access>[] accesses;

    RoutingIndex(List<Licence> licences) {
        this.licences = licences.toArray(Licence[]::new);
        Map<OrgId, List<Integer>> byLicensee = new LinkedHashMap<>();
        Map<ShelfKey, List<Integer>> byShelf = new HashMap<>();
        for (int i = 0; i < this.licences.length; i++) {
            byLicensee.computeIfAbsent(this.licences[i].licensee(), org -> new ArrayList<>()).add(i);
            for (ShelfKey key : keysOf(this.licences[i])) {
                byShelf.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        // Partners are numbered so that "already routed" is a bit in a BitSet rather than a hash lookup.
        this.partners = byLicensee.keySet().toArray(OrgId[]::new);
        this.partnerOrdinal = new HashMap<>();
        this.partnerOf = new int[this.licences.length];
        this.licencesOfPartner = new int[partners.length][];
        for (int p = 0; p < partners.length; p++) {
            partnerOrdinal.put(partners[p], p);
            licencesOfPartner[p] = ints(byLicensee.get(partners[p]));
            for (int i : licencesOfPartner[p]) {
                partnerOf[i] = p;
            }
        }
        this.filed = new HashMap<>();
        byShelf.forEach((key, ordinals) -> filed.put(key, ints(ordinals)));
        this.times = new Times(this.licences);
        this.usable = new long[this.licences.length * Countries.WORDS];
        this.shelves = Map.of();
        this.accesses = newAccesses(this.licences.length);
    }

    private RoutingIndex(RoutingIndex licencesOnly, long[] usable) {
        this.licences = licencesOnly.licences;
        this.partners = licencesOnly.partners;
        this.partnerOrdinal = licencesOnly.partnerOrdinal;
        this.partnerOf = licencesOnly.partnerOf;
        this.licencesOfPartner = licencesOnly.licencesOfPartner;
        this.times = licencesOnly.times;
        this.filed = licencesOnly.filed;
        this.usable = usable;
        this.shelves = new HashMap<>();
        this.accesses = newAccesses(licences.length);
        filed.forEach((key, ordinals) -> Shelf.of(ordinals, partnerOf, usable, times)
                .ifPresent(shelf -> shelves.put(key, shelf)));
    }

    /** This index with each licence's usable countries: where the licence allows its licensee to be and it is. */
    RoutingIndex withTerritories(Function<OrgId, Set<CountryCode>> territoriesOf) {
        long[] usable = new long[licences.length * Countries.WORDS];
        for (int i = 0; i < licences.length; i++) {
            Licence licence = licences[i];
            for (CountryCode country : territoriesOf.apply(licence.licensee())) {
                if (licence.territories().allows(country)) {
                    Countries.add(usable, i, country);
                }
            }
        }
        return new RoutingIndex(this, usable);
    }

    List<Licence> to(OrgId licensee) {
        Integer partner = partnerOrdinal.get(licensee);
        return partner == null ? List.of() : Arrays.stream(licencesOfPartner[partner]).mapToObj(i -> licences[i]).toList();
    }

    /** Every partner, other than the item's owners, that some licence entitles to this version now; each once. */
    List<OrgId> entitled(Item item, Version version, Instant now) {
        Moment moment = Moment.of(item, version, now, times);
        BitSet done = ownersOf(item);
        List<OrgId> out = new ArrayList<>();
        for (Shelf shelf : shelvesFor(item, version)) {
            for (int i = 0; i < shelf.size(); i++) {
                int partner = shelf.partner[i];
                if (!done.get(partner) && shelf.inTime(i, moment) && shelf.inTerritory(i, moment)) {
                    done.set(partner);
                    out.add(partners[partner]);
                }
            }
        }
        return out;
    }

    /** As {@link Rule#grantsFrom}, minimised over the licences to partners other than the owners; only after now. */
    Optional<Instant> nextRelease(Item item, Version version, Instant now) {
        Moment moment = Moment.of(item, version, now, times);
        BitSet owners = ownersOf(item);
        Instant earliest = null;
        for (Shelf shelf : shelvesFor(item, version)) {
            for (int i = 0; i < shelf.size(); i++) {
                if (owners.get(shelf.partner[i]) || !shelf.inTerritory(i, moment) || shelf.inTime(i, moment)) {
                    continue; // an owner's, one that never grants, or one that grants already: none is a release to come
                }
                Instant at = latest(now, moment.release.plus(times.delay(shelf.delay[i])), times.bound(shelf.from[i]));
                if (at.isAfter(now) && times.boundAfter(shelf.to[i], at) && (earliest == null || at.isBefore(earliest))) {
                    earliest = at;
                }
            }
        }
        return Optional.ofNullable(earliest);
    }

    /** The first licence to the partner, in network order, that grants this version now. */
    Optional<Licence> grantingLicence(OrgId licensee, Item item, Version version, Instant now) {
        int i = grantingLicence(ordinalOf(licensee), item, version, now);
        return i < 0 ? Optional.empty() : Optional.of(licences[i]);
    }

    /** The partner's number in this index, or -1 if no licence names it. */
    int ordinalOf(OrgId licensee) {
        Integer partner = partnerOrdinal.get(licensee);
        return partner == null ? -1 : partner;
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
        for (int i : licencesOfPartner[partner]) {
            Licence licence = licences[i];
            if (!item.ownedBy(licence.licensor()) || !coversAProduct(licence, version) || !inTime(licence, release, now)) {
                continue;
            }
            if (rights == null) {
                rights = Countries.allowedBy(version.rights());
                language = version.content().language().orElse("");
            }
            if (Countries.intersects(usable, i, rights) && Languages.covers(licence.languages(), language)) {
                return i;
            }
        }
        return -1;
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

    /** The shelves of the item's owners and the version's products whose ranges cover its language (RFC 4647 basic filtering). */
    private List<Shelf> shelvesFor(Item item, Version version) {
        List<String> ranges = rangesCovering(version.content().language().orElse(""));
        List<Shelf> out = new ArrayList<>();
        for (OrgId owner : item.owners()) {
            for (ProductId product : version.products()) {
                for (String range : ranges) {
                    Shelf shelf = shelves.get(new ShelfKey(owner, product, range));
                    if (shelf != null) {
                        out.add(shelf);
                    }
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

    private static List<ShelfKey> keysOf(Licence licence) {
        List<ShelfKey> keys = new ArrayList<>();
        for (ProductId product : licence.products()) {
            if (licence.languages().isEmpty()) {
                keys.add(new ShelfKey(licence.licensor(), product, EVERY_LANGUAGE));
            }
            for (String range : licence.languages()) {
                keys.add(new ShelfKey(licence.licensor(), product, Languages.normalise(range)));
            }
        }
        return keys;
    }

    /** Owners never receive their own item: their ordinals start out as done. */
    private BitSet ownersOf(Item item) {
        BitSet owners = new BitSet(partners.length);
        for (OrgId owner : item.owners()) {
            Integer ordinal = partnerOrdinal.get(owner);
            if (ordinal != null) {
                owners.set(ordinal);
            }
        }
        return owners;
    }

    private static Instant latest(Instant a, Instant b, Instant c) {
        Instant ab = a.isAfter(b) ? a : b;
        return ab.isAfter(c) ? ab : c;
    }

    private static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * One version at one moment, in the index's terms: the countries its rights allow, its release, and where now and
     * the time since release fall among the network's validity bounds and delays.
     */
    record Moment(long[] rights, boolean everywhere, Instant release, int now, int sinceRelease) {
        static Moment of(Item item, Version version, Instant now, Times times) {
            Instant release = release(item, version);
            long[] rights = Countries.allowedBy(version.rights());
            return new Moment(rights, Countries.isEverywhere(rights), release, times.boundsUpTo(now),
                    times.delaysUpTo(Duration.between(release, now)));
        }

        /** Rule's time checks on a licence's ranks: from ≤ now &lt; to, and release + delay ≤ now. */
        boolean inTime(int from, int to, int delay) {
            return from < now && to >= now && delay < sinceRelease;
        }

        /** {@link Rule#availableAt} without the licence's delay: the embargo, or first publication if that is later. */
        static Instant release(Item item, Version version) {
            Optional<Instant> embargo = version.content().embargoedUntil();
            return embargo.isPresent() && embargo.get().isAfter(item.firstCreated()) ? embargo.get() : item.firstCreated();
        }
    }

    /**
     * Licences of one (licensor, product, language range), as parallel arrays so a scan reads memory in order: the
     * licensee's ordinal, the time ranks and the usable countries ({@link Countries#WORDS} longs per licence).
     */
    static final class Shelf {
        final int[] partner;
        final int[] from;
        final int[] to;
        final int[] delay;
        private final long[] countries;

        private Shelf(int size) {
            partner = new int[size];
            from = new int[size];
            to = new int[size];
            delay = new int[size];
            countries = new long[size * Countries.WORDS];
        }

        /** The shelf of these licences, leaving out those usable nowhere (they can never grant); empty if none is left. */
        static Optional<Shelf> of(int[] licences, int[] partnerOf, long[] usable, Times times) {
            int[] kept = Arrays.stream(licences).filter(i -> Countries.any(usable, i)).toArray();
            if (kept.length == 0) {
                return Optional.empty();
            }
            Shelf shelf = new Shelf(kept.length);
            for (int j = 0; j < kept.length; j++) {
                int i = kept[j];
                shelf.partner[j] = partnerOf[i];
                shelf.from[j] = times.from[i];
                shelf.to[j] = times.to[i];
                shelf.delay[j] = times.delay[i];
                System.arraycopy(usable, i * Countries.WORDS, shelf.countries, j * Countries.WORDS, Countries.WORDS);
            }
            return Optional.of(shelf);
        }

        int size() {
            return partner.length;
        }

        /**
         * Whether the licence is usable somewhere the version's rights allow. Most items are cleared worldwide, and a
         * shelf holds only licences usable somewhere, so then the bitset need not even be read.
         */
        boolean inTerritory(int j, Moment moment) {
            return moment.everywhere() || Countries.intersects(countries, j, moment.rights());
        }

        boolean inTime(int j, Moment moment) {
            return moment.inTime(from[j], to[j], delay[j]);
        }
    }

    /**
     * Validity bounds and embargo delays replaced by their rank among the network's distinct values, so that a time
     * check is an int comparison and stays exact to the nanosecond (epoch nanoseconds in a long end in 2262, and
     * "valid until 9999-12-31" is a real contract clause).
     */
    static final class Times {
        private static final int OPEN_FROM = -1;
        private static final int OPEN_TO = Integer.MAX_VALUE;

        private final Instant[] bounds;
        private final Duration[] delays;
        final int[] from;
        final int[] to;
        final int[] delay;

        Times(Licence[] licences) {
            bounds = Arrays.stream(licences)
                    .flatMap(l -> Stream.of(l.validity().from(), l.validity().to()))
                    .flatMap(Optional::stream).distinct().sorted().toArray(Instant[]::new);
            delays = Arrays.stream(licences).map(Licence::embargoDelay).distinct().sorted().toArray(Duration[]::new);
            from = new int[licences.length];
            to = new int[licences.length];
            delay = new int[licences.length];
            for (int i = 0; i < licences.length; i++) {
                Validity validity = licences[i].validity();
                from[i] = validity.from().map(f -> Arrays.binarySearch(bounds, f)).orElse(OPEN_FROM);
                to[i] = validity.to().map(t -> Arrays.binarySearch(bounds, t)).orElse(OPEN_TO);
                delay[i] = Arrays.binarySearch(delays, licences[i].embargoDelay());
            }
        }

        /** How many bounds are at or before t: a bound of rank r is at or before t iff r &lt; this. */
        int boundsUpTo(Instant t) {
            return upTo(bounds, t);
        }

        int delaysUpTo(Duration d) {
            return upTo(delays, d);
        }

        boolean inTime(int i, Moment moment) {
            return moment.inTime(from[i], to[i], delay[i]);
        }

        /** The bound of this rank; an open start counts as the beginning of time. */
        Instant bound(int rank) {
            return rank == OPEN_FROM ? Instant.MIN : bounds[rank];
        }

        /** Whether the bound of this rank (an end) is after t; an open end always is. */
        boolean boundAfter(int rank, Instant t) {
            return rank == OPEN_TO || bounds[rank].isAfter(t);
        }

        Duration delay(int rank) {
            return delays[rank];
        }

        /** In an array of distinct sorted values: found at i, i + 1 are ≤ t; else the insertion point is the count. */
        private static int upTo(Object[] sorted, Object t) {
            int i = Arrays.binarySearch(sorted, t);
            return i >= 0 ? i + 1 : -(i + 1);
        }
    }

    /** Sets of ISO 3166-1 countries as bitsets: a bit per code of {@link CountryCode#all()}, in sorted order. */
    static final class Countries {
        private static final List<String> CODES = CountryCode.all().stream().sorted().toList();
        private static final Map<String, Integer> INDEX = new HashMap<>();
        static final int WORDS = (CODES.size() + 63) / 64;
        private static final long[] EVERYWHERE = new long[WORDS];

        static {
            for (int i = 0; i < CODES.size(); i++) {
                INDEX.put(CODES.get(i), i);
                EVERYWHERE[i >>> 6] |= 1L << i;
            }
        }

        private Countries() {}

        /** The countries these territories allow: all of them or the include list, minus the exclusions. Read-only. */
        static long[] allowedBy(Territories territories) {
            if (territories.everywhere() && territories.exclude().isEmpty()) {
                return EVERYWHERE; // most items are cleared worldwide; callers only read the set
            }
            long[] set = territories.everywhere() ? EVERYWHERE.clone() : new long[WORDS];
            if (!territories.everywhere()) {
                territories.include().forEach(c -> add(set, 0, c));
            }
            territories.exclude().forEach(c -> remove(set, c));
            return set;
        }

        /** Adds the country to the set-th set of WORDS longs in the array. */
        static void add(long[] sets, int set, CountryCode country) {
            int bit = INDEX.get(country.value());
            sets[set * WORDS + (bit >>> 6)] |= 1L << bit;
        }

        private static void remove(long[] set, CountryCode country) {
            int bit = INDEX.get(country.value());
            set[bit >>> 6] &= ~(1L << bit);
        }

        static boolean isEverywhere(long[] set) {
            return Arrays.equals(set, EVERYWHERE);
        }

        static boolean any(long[] sets, int set) {
            for (int w = 0; w < WORDS; w++) {
                if (sets[set * WORDS + w] != 0) {
                    return true;
                }
            }
            return false;
        }

        static boolean intersects(long[] sets, int set, long[] other) {
            for (int w = 0; w < WORDS; w++) {
                if ((sets[set * WORDS + w] & other[w]) != 0) {
                    return true;
                }
            }
            return false;
        }
    }
}

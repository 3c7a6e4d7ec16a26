package ponte.core.licensing;

import static ponte.core.fixtures.Fixtures.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import ponte.core.items.Content;
import ponte.core.items.Event;
import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.items.Version;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.OrgId;
import ponte.core.products.ProductId;
import ponte.core.orgs.Territories;

/**
 * Random networks, items and moments over a universe small enough that licences, items and partners collide often:
 * 4–6 orgs, 3 products, a few language ranges and seven countries, and times on whole hours around
 * {@link ponte.core.fixtures.Fixtures#T0} so that validity bounds, embargoes, delays and now often fall on the same instant.
 *
 * <p>Drawn from one {@link Random} rather than composed from jqwik combinators: the odds are then ours to set (about
 * half the scenarios entitle someone), and 10,000 of them take a few seconds. The price is no shrinking, so a
 * failing scenario prints whole.
 */
final class SmallNetworks {
    /** One routing question: route this version of this item at this moment, given who received what. */
    record Scenario(Network network, Item item, Version version, Map<OrgId, Integer> received, Instant now) {
        Set<OrgId> orgs() {
            return network.territories().keySet();
        }

        @Override
        public String toString() {
            String licences = network.licences().stream().map(SmallNetworks::describe).collect(Collectors.joining("\n  "));
            return "now " + now + "\nterritories " + network.territories() + "\nitem owned by " + item.owners() + " created " + item.firstCreated()
                    + "\nversion " + version.number() + " " + version.event() + " " + version.products() + " language " + version.content().language()
                    + " embargo " + version.content().embargoedUntil() + " rights " + version.rights()
                    + "\nreceived " + received + "\nlicences\n  " + licences;
        }
    }

    private static final List<String> PRODUCTS = List.of("news", "video", "photo");
    private static final List<String> RANGES = List.of("it", "zh", "zh-Hans", "ko", "en", "*");
    // Items add a deeper subtag, an upper-case tag and a look-alike ("zhx" is not covered by "zh") to the ranges.
    private static final List<String> ITEM_LANGUAGES = List.of("it", "zh", "zh-Hans", "zh-Hans-CN", "zhx", "ko", "EN", "en");
    private static final List<String> COUNTRIES = List.of("IT", "CN", "KR", "JP", "US", "KE", "BR");
    private static final List<Duration> DELAYS = List.of(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1));

    private SmallNetworks() {}

    static Arbitrary<Scenario> scenarios() {
        return Arbitraries.randomValue(SmallNetworks::draw);
    }

    static Scenario draw(Random random) {
        List<OrgId> orgs = new ArrayList<>();
        for (int i = 1, n = 4 + random.nextInt(3); i <= n; i++) {
            orgs.add(new OrgId("org" + i));
        }
        Map<OrgId, Set<CountryCode>> territories = new HashMap<>();
        for (OrgId org : orgs) {
            // One org in ten has no territory at all: the rule must refuse it.
            territories.put(org, random.nextInt(10) == 0 ? Set.of() : some(random, COUNTRIES, 1, 3).stream().map(CountryCode::of).collect(Collectors.toSet()));
        }
        List<Licence> licences = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(60); i < n; i++) {
            licences.add(licence(random, "l" + i, orgs));
        }
        Item item = item(random, orgs);
        Map<OrgId, Integer> received = new HashMap<>();
        for (OrgId org : orgs) {
            if (random.nextInt(4) == 0) {
                received.put(org, 1 + random.nextInt(3));
            }
        }
        return new Scenario(new Network(licences, territories), item, version(random, item), received, hour(random, -24, 72));
    }

    static Licence licence(Random random, String id, List<OrgId> orgs) {
        // Most licences come from the first org, which owns most items: otherwise few licences would ever apply.
        OrgId licensor = random.nextBoolean() ? orgs.getFirst() : pick(random, orgs);
        OrgId licensee;
        do {
            licensee = pick(random, orgs);
        } while (licensee.equals(licensor));
        Set<String> ranges = random.nextBoolean() ? Set.of() : some(random, RANGES, 1, 2);
        return new Licence(new LicenceId(id), Optional.empty(), licensor, licensee, products(random, 1), territories(random), ranges,
                pick(random, DELAYS), validity(random));
    }

    private static Validity validity(Random random) {
        Optional<Instant> a = random.nextBoolean() ? Optional.of(hour(random, -48, 48)) : Optional.empty();
        Optional<Instant> b = random.nextBoolean() ? Optional.of(hour(random, -48, 48)) : Optional.empty();
        if (a.isEmpty() || b.isEmpty()) {
            return new Validity(a, b);
        }
        Instant from = a.get().isBefore(b.get()) ? a.get() : b.get();
        Instant to = a.get().isBefore(b.get()) ? b.get() : from.plus(Duration.ofHours(1 + random.nextInt(24)));
        return new Validity(Optional.of(from), Optional.of(to));
    }

    private static Item item(Random random, List<OrgId> orgs) {
        // Usually the first org (the busiest licensor) owns the item, now and then with a co-producer.
        Set<OrgId> owners = new HashSet<>();
        owners.add(random.nextInt(4) < 3 ? orgs.getFirst() : pick(random, orgs));
        if (random.nextInt(10) < 3) {
            owners.add(pick(random, orgs));
        }
        return new Item(new ItemId("i1"), "urn:ponte:item:i1", owners, 1, hour(random, -24, 0), false);
    }

    private static Version version(Random random, Item item) {
        Event event = pick(random, List.of(Event.values()));
        Optional<String> language = random.nextInt(10) < 8 ? Optional.of(pick(random, ITEM_LANGUAGES)) : Optional.empty();
        Optional<Instant> embargo = random.nextInt(10) < 3 ? Optional.of(hour(random, -24, 48)) : Optional.empty();
        // Now and then filed under no product, which no licence covers.
        Set<ProductId> products = random.nextInt(10) == 0 ? Set.of() : products(random, 1);
        Content content = new Content("{}", language, embargo, "text", Optional.of("headline"));
        // Most items are cleared worldwide, as at an agency; the rest narrow the licences.
        Territories rights = random.nextBoolean() ? Territories.WORLDWIDE : territories(random);
        return new Version(item.id(), 1 + random.nextInt(3), event, T0, content, products, rights,
                event == Event.KILLED ? Optional.of("legal") : Optional.empty());
    }

    /** Everywhere or a list, minus a few: "*" often enough to meet its exclusions. */
    static Territories territories(Random random) {
        Set<String> include = random.nextInt(5) < 2 ? Set.of("*") : some(random, COUNTRIES, 1, 5);
        Set<String> exclude = random.nextBoolean() ? Set.of() : some(random, COUNTRIES, 1, 2);
        return Territories.of(include, exclude);
    }

    private static Set<ProductId> products(Random random, int min) {
        return some(random, PRODUCTS, min, PRODUCTS.size()).stream().map(ProductId::new).collect(Collectors.toSet());
    }

    /** Between min and max distinct elements (fewer if drawing repeats one). */
    private static Set<String> some(Random random, List<String> from, int min, int max) {
        Set<String> out = new HashSet<>();
        for (int i = 0, n = min + random.nextInt(max - min + 1); i < n; i++) {
            out.add(pick(random, from));
        }
        return out;
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static Instant hour(Random random, int from, int to) {
        return T0.plus(Duration.ofHours(from + random.nextInt(to - from + 1)));
    }

    private static String describe(Licence l) {
        return l.id() + " " + l.licensor() + "→" + l.licensee() + " " + l.products() + " " + l.territories() + " " + l.languages()
                + " delay " + l.embargoDelay() + " valid " + l.validity().from().map(Instant::toString).orElse("…") + "–"
                + l.validity().to().map(Instant::toString).orElse("…");
    }
}

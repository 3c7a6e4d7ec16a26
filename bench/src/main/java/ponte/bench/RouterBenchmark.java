package ponte.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import ponte.core.items.Content;
import ponte.core.items.Event;
import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.items.Version;
import ponte.core.licensing.BruteForce;
import ponte.core.licensing.Entitlements;
import ponte.core.licensing.Licence;
import ponte.core.licensing.LicenceId;
import ponte.core.licensing.Network;
import ponte.core.licensing.NetworkSource;
import ponte.core.licensing.Route;
import ponte.core.orgs.Territories;
import ponte.core.licensing.Validity;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.OrgId;
import ponte.core.products.ProductId;

/**
 * Routing one item version (its first publication) through {@link Entitlements#route}, indexed, against
 * {@link BruteForce#route}, which weighs every licence of the network, on the same generated network.
 *
 * <p>The network is meant to look like a news agency market: 5 agencies with 10 products each, partners in 1–3 of
 * 163 countries (a home country and outlets), licences for 1–3 of an agency's products, ~40% in every language and
 * the rest in 1–3 of 7, territories 30% worldwide, 40% a list of 1–10 countries (the licensee's home among them),
 * 30% worldwide minus 1–5; a few with embargo delays or validity windows. Items are cleared worldwide four times in
 * five. Seeded, so every run routes the same items through the same network.
 *
 * <p>Run: {@code java -Xmx8g -cp 'bench/target/ponte-bench.jar:bench/target/lib/*' org.openjdk.jmh.Main RouterBenchmark}
 * (see docs/benchmarks.md for the settings used).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RouterBenchmark {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final List<String> LANGUAGES = List.of("it", "zh-Hans", "ko", "ja", "en", "es", "fr");
    private static final int AGENCIES = 5;
    private static final int PRODUCTS_PER_AGENCY = 10;
    private static final int COUNTRIES = 163;
    private static final int LICENCES_PER_PARTNER = 50;
    private static final int ITEMS = 1024;

    @Param({"10000", "100000", "1000000"})
    public int licences;

    /** Partitions refreshed one agreement at a time since the whole index was built (its background rebuild not run yet). */
    @Param({"0"})
    public int changedPartitions;

    private Network network;
    private Entitlements gate;
    private List<OrgId> partners;
    private final List<Runnable> rebuilds = new ArrayList<>();
    private Item[] items;
    private Version[] versions;
    private int next;

    @Setup(Level.Trial)
    public void generate() {
        Market market = new Market(new SplittableRandom(20261123L), Math.max(100, licences / LICENCES_PER_PARTNER));
        List<Licence> all = new ArrayList<>(licences);
        for (int i = 0; i < licences; i++) {
            all.add(market.licence("l" + i));
        }
        network = new Network(all, market.territories);
        partners = market.partners;
        long start = System.nanoTime();
        // Background rebuilds are queued and never run here: refreshes then leave their partitions beside the whole index.
        gate = new Entitlements(new ByLicensee(network), rebuilds::add);
        System.out.printf("%n%,d licences to %,d partners indexed in %d ms%n", licences, market.partners.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        for (int p = 0; p < changedPartitions; p++) {
            gate.refresh(Set.of(partners.get(p)));
        }
        items = new Item[ITEMS];
        versions = new Version[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            items[i] = market.item("i" + i);
            versions[i] = market.version(items[i]);
        }
        if (checked) {
            checkBothRouteAlike();
        }
    }

    /** Whether the set-up compares with the brute force (a minute at 1M; the CPU-time run leaves it to the property tests). */
    private boolean checked = true;

    /** Both sides must do the same work: a few items routed both ways, and the mean fan-out for the record. */
    private void checkBothRouteAlike() {
        for (int i = 0; i < 3; i++) {
            Set<Route> indexed = Set.copyOf(gate.route(items[i], versions[i], Map.of(), NOW));
            if (!indexed.equals(Set.copyOf(BruteForce.route(network, items[i], versions[i], Map.of(), NOW)))) {
                throw new IllegalStateException("indexed and brute-force routes differ for item " + i);
            }
        }
        double partners = 0;
        for (int i = 0; i < ITEMS; i++) {
            partners += gate.route(items[i], versions[i], Map.of(), NOW).size();
        }
        System.out.printf("an item goes to %.1f partners on average%n", partners / ITEMS);
    }

    /**
     * The same questions timed in thread CPU time, which a machine shared with other work does not inflate as it does
     * wall time: routing (0 and 4 partitions changed since the whole index), one agreement's refresh, a whole refresh.
     * Run: {@code java -Xmx6g -cp 'bench/target/ponte-bench.jar:bench/target/lib/*' ponte.bench.RouterBenchmark [licences]}
     */
    public static void main(String[] args) {
        RouterBenchmark bench = new RouterBenchmark();
        bench.licences = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        bench.checked = false;
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = cpu.getCurrentThreadCpuTime();
        bench.generate();
        System.out.printf("set-up (network generated and indexed) %,d ms CPU%n", (cpu.getCurrentThreadCpuTime() - cpu0) / 1_000_000);
        bench.routeTimes(cpu, "routing, whole index only");
        for (int p = 0; p < 4; p++) {
            bench.gate.refresh(Set.of(bench.partners.get(p)));
        }
        bench.routeTimes(cpu, "routing, whole index + 4 changed partitions");
        timeCalls(cpu, "refresh of one agreement (agency + partner), 20 calls", 20, bench::refreshOneAgreement);
        timeCalls(cpu, "whole refresh (every change before), 2 calls", 2, bench::refreshWhole);
        bench.routeTimes(cpu, "routing, after the whole refresh");
    }

    private void routeTimes(java.lang.management.ThreadMXBean cpu, String what) {
        for (int i = 0; i < 2 * ITEMS; i++) {
            indexed(); // warm-up
        }
        timeCalls(cpu, what + ", " + 2 * ITEMS + " calls", 2 * ITEMS, this::indexed);
    }

    private static void timeCalls(java.lang.management.ThreadMXBean cpu, String what, int calls, Runnable call) {
        long[] used = new long[calls];
        long[] wall = new long[calls];
        for (int i = 0; i < calls; i++) {
            long w = System.nanoTime();
            long c = cpu.getCurrentThreadCpuTime();
            call.run();
            used[i] = cpu.getCurrentThreadCpuTime() - c;
            wall[i] = System.nanoTime() - w;
        }
        report(what, used, wall);
    }

    private static void report(String what, long[] cpuNanos, long[] wallNanos) {
        long[] c = cpuNanos.clone();
        long[] w = wallNanos.clone();
        java.util.Arrays.sort(c);
        java.util.Arrays.sort(w);
        System.out.printf("%s: CPU µs mean %.0f p50 %.0f p99 %.0f max %.0f; wall µs p50 %.0f p99 %.0f%n", what,
                java.util.Arrays.stream(c).average().orElse(0) / 1e3, c[c.length / 2] / 1e3, c[(int) (c.length * 0.99)] / 1e3,
                c[c.length - 1] / 1e3, w[w.length / 2] / 1e3, w[(int) (w.length * 0.99)] / 1e3);
    }

    @Benchmark
    public List<Route> indexed() {
        int i = next++ & (ITEMS - 1);
        return gate.route(items[i], versions[i], Map.of(), NOW);
    }

    /**
     * The refresh after a change to one agreement between an agency and a partner: what the changing request waits for
     * (its licensee's partition rebuilt), the whole index's rebuild left to the background.
     */
    @Benchmark
    public void refreshOneAgreement() {
        int i = next++;
        gate.refresh(Set.of(new OrgId("agency" + (i % AGENCIES)), partners.get(i % partners.size())));
    }

    /** What every change cost before: the whole network re-read and re-indexed on the changing request's thread. */
    @Benchmark
    public void refreshWhole() {
        gate.refresh();
    }

    @Benchmark
    public List<Route> bruteForce() {
        int i = next++ & (ITEMS - 1);
        return BruteForce.route(network, items[i], versions[i], Map.of(), NOW);
    }

    /** The network read by licensee, as the stores read "the licences to these orgs" with an index on the licensee. */
    private static final class ByLicensee implements NetworkSource {
        private final Network network;
        private final Map<OrgId, List<Licence>> to = new HashMap<>();

        ByLicensee(Network network) {
            this.network = network;
            network.licences().forEach(l -> to.computeIfAbsent(l.licensee(), k -> new ArrayList<>()).add(l));
        }

        @Override
        public Network whole() {
            return network;
        }

        @Override
        public Network concerning(Set<OrgId> orgs) {
            List<Licence> licences = new ArrayList<>();
            Map<OrgId, Set<CountryCode>> territories = new HashMap<>();
            for (OrgId org : orgs) {
                licences.addAll(to.getOrDefault(org, List.of()));
                territories.put(org, network.territoriesOf(org));
            }
            return new Network(licences, territories);
        }
    }

    /** The generated world: agencies and their products, partners and where they are, and draws of licences and items. */
    private static final class Market {
        private final SplittableRandom random;
        private final List<CountryCode> countries;
        private final List<OrgId> agencies = new ArrayList<>();
        private final Map<OrgId, List<ProductId>> products = new HashMap<>();
        private final List<OrgId> partners = new ArrayList<>();
        private final Map<OrgId, Set<CountryCode>> territories = new HashMap<>();
        private final Map<OrgId, CountryCode> home = new HashMap<>();

        Market(SplittableRandom random, int partnerCount) {
            this.random = random;
            this.countries = CountryCode.all().stream().sorted().limit(COUNTRIES).map(CountryCode::of).toList();
            for (int a = 0; a < AGENCIES; a++) {
                OrgId agency = new OrgId("agency" + a);
                agencies.add(agency);
                List<ProductId> own = new ArrayList<>();
                for (int p = 0; p < PRODUCTS_PER_AGENCY; p++) {
                    own.add(new ProductId("a" + a + "-p" + p));
                }
                products.put(agency, own);
                territories.put(agency, Set.of(pick(countries)));
            }
            for (int p = 0; p < partnerCount; p++) {
                OrgId partner = new OrgId("partner" + p);
                partners.add(partner);
                CountryCode country = pick(countries);
                home.put(partner, country);
                Set<CountryCode> where = new HashSet<>(Set.of(country));
                for (int outlets = random.nextInt(3); outlets > 0; outlets--) {
                    where.add(pick(countries));
                }
                territories.put(partner, where);
            }
        }

        Licence licence(String id) {
            OrgId licensor = pick(agencies);
            OrgId licensee = pick(partners);
            Set<ProductId> covered = new HashSet<>();
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                covered.add(pick(products.get(licensor)));
            }
            Set<String> languages = new HashSet<>();
            if (random.nextInt(10) >= 4) {
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    languages.add(pick(LANGUAGES));
                }
            }
            return new Licence(new LicenceId(id), Optional.empty(), licensor, licensee, covered, territoriesFor(licensee), languages,
                    delay(), validity());
        }

        private Territories territoriesFor(OrgId licensee) {
            int kind = random.nextInt(10);
            if (kind < 3) {
                return Territories.WORLDWIDE;
            }
            Set<CountryCode> listed = new HashSet<>();
            if (kind < 7) {
                listed.add(home.get(licensee));
                for (int n = random.nextInt(10); n > 0; n--) {
                    listed.add(pick(countries));
                }
                return new Territories(false, listed, Set.of());
            }
            for (int n = 1 + random.nextInt(5); n > 0; n--) {
                listed.add(pick(countries));
            }
            return new Territories(true, Set.of(), listed);
        }

        private Duration delay() {
            return switch (random.nextInt(20)) {
                case 0 -> Duration.ofMinutes(15);
                case 1 -> Duration.ofHours(1);
                case 2 -> Duration.ofDays(1);
                default -> Duration.ZERO;
            };
        }

        /** Mostly open-ended; some started this year, some run out, one in twenty ran out already. */
        private Validity validity() {
            return switch (random.nextInt(10)) {
                case 0 -> new Validity(Optional.of(NOW.minus(Duration.ofDays(random.nextInt(1, 365)))), Optional.empty());
                case 1 -> new Validity(Optional.empty(), Optional.of(NOW.plus(Duration.ofDays(random.nextInt(-60, 700)))));
                default -> Validity.ALWAYS;
            };
        }

        Item item(String id) {
            return new Item(new ItemId(id), "urn:ponte:item:" + id, Set.of(pick(agencies)), 1, NOW.minusSeconds(60), false);
        }

        Version version(Item item) {
            OrgId owner = item.owners().iterator().next();
            Set<ProductId> filed = new HashSet<>(Set.of(pick(products.get(owner))));
            if (random.nextInt(4) == 0) {
                filed.add(pick(products.get(owner)));
            }
            Optional<String> language = random.nextInt(20) == 0 ? Optional.empty() : Optional.of(pick(LANGUAGES));
            Territories rights = Territories.WORLDWIDE;
            if (random.nextInt(5) == 0) {
                Set<CountryCode> excluded = new HashSet<>();
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    excluded.add(pick(countries));
                }
                rights = new Territories(true, Set.of(), excluded);
            }
            Content content = new Content("{}", language, Optional.empty(), "text", Optional.of("headline"));
            return new Version(item.id(), 1, Event.PUBLISHED, item.firstCreated(), content, filed, rights, Optional.empty());
        }

        private <T> T pick(List<T> from) {
            return from.get(random.nextInt(from.size()));
        }
    }
}

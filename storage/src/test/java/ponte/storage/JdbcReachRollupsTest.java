package ponte.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import ponte.core.items.ItemId;
import ponte.core.media.Downloaded;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.OrgId;
import ponte.core.products.ProductId;
import ponte.core.reach.ReachFacts;
import ponte.core.reach.ReachFacts.Facts;
import ponte.core.reach.ReachFacts.Filter;
import ponte.core.reach.ReachScope;
import ponte.core.reach.ReadFact;
import ponte.core.reach.UsageKind;
import ponte.core.reach.UsageReport;

/**
 * Reach counted in advance agrees with reach counted from the rows: random routes (two products, a co-production,
 * licensors or none, three days), feed reads, fetches, downloads and usage reports arrive in rounds, the folder folds
 * a random number of batches between them (none, part, all), and every question (scope, one partner or all, a window
 * of whole days, of parts of days, or none) gets the same facts from the counts plus the unfolded tail and the rows of
 * the days split as from a plain aggregate.
 */
@ParameterizedClass
@EnumSource(FreshDatabase.Engine.class)
class JdbcReachRollupsTest {
    private static final Instant DAY0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final List<String> PARTNERS = List.of("p0", "p1", "p2", "p3", "p4", "p5");
    private static final List<String> PRODUCTS = List.of("prd_a", "prd_b", "prd_a prd_b");
    private static final List<String> LANGUAGES = List.of("en", "it");
    /**
     * From and to: none; whole days; parts of days at either end; within one day; from the middle of a day on; up to
     * the middle of one.
     */
    private static final List<List<Optional<Instant>>> WINDOWS = List.of(
            List.of(Optional.empty(), Optional.empty()),
            List.of(at(0), at(48)),
            List.of(at(24), at(72)),
            List.of(at(5), at(55)),
            List.of(at(27), at(44)),
            List.of(at(30), Optional.empty()),
            List.of(Optional.empty(), at(40)));

    @Parameter
    FreshDatabase.Engine engine;

    @TempDir
    Path dataDir;

    private FreshDatabase db;
    private Jdbc jdbc;
    private JdbcReachFacts reach;
    private JdbcReachRollups rollups;
    private final Random random = new Random(17);
    private long seq;

    @BeforeEach
    void open() {
        db = FreshDatabase.on(engine, dataDir);
        jdbc = new Jdbc(db.database());
        reach = new JdbcReachFacts(db.database());
        rollups = new JdbcReachRollups(db.database());
        jdbc.transaction(c -> {
            for (String org : List.of("ag", "co", "p0", "p1", "p2", "p3", "p4", "p5")) {
                Jdbc.update(c, "insert into orgs (id, name, kind, country, created_at) values (?, ?, 'agency', 'IT', ?)", org, org, DAY0);
            }
            Jdbc.update(c, "insert into coproductions (id, current_version, created_at) values ('cop_1', 1, ?)", DAY0);
            for (int i = 0; i < 12; i++) {
                Jdbc.update(c, "insert into items (id, uri, latest_version, first_created, killed) values (?, ?, 0, ?, false)",
                        "i" + i, "urn:i" + i, DAY0);
                if (i % 3 == 0) {
                    Jdbc.update(c, """
                            insert into coproduced_items (item_id, coproduction_id, uri, owners, created_at)
                            values (?, 'cop_1', ?, 'ag co', ?)""", "i" + i, "urn:cop:i" + i, DAY0);
                }
            }
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theCountsKeptInAdvanceAndTheRowsGiveTheSameFactsAtEveryStepOfFolding() {
        for (int round = 0; round < 8; round++) {
            append(1 + random.nextInt(6));
            read();
            report();
            for (int folds = random.nextInt(4); folds > 0; folds--) {
                rollups.fold();
            }
            everyQuestionAgrees();
        }
        while (rollups.fold()) {
            // until caught up
        }
        assertThat(rollups.fold()).isFalse();
        everyQuestionAgrees();
        assertThat(jdbc.query("select count(*) from reach_routes", rs -> rs.getLong(1)).getFirst()).isPositive();
        assertThat(jdbc.query("select count(*) from reach_read_queue", rs -> rs.getLong(1)).getFirst()).isZero();
    }

    @Test
    void reportsStoredBeforeTheCountsExistedAreFoldedOnceAndCountedMeanwhile() {
        append(4);
        jdbc.transaction(c -> {
            for (int i = 0; i < 30; i++) {
                Jdbc.update(c, """
                        insert into usage_reports (org_id, report_id, item_id, version, outlet_id, country, usage_kind, used_at,
                                                   audience, received_at, folded)
                        values (?, ?, ?, 1, 'out_1', 'KE', 'aired', ?, ?, ?, false)""",
                        PARTNERS.get(i % PARTNERS.size()), "old-" + i, "i" + (i % 4), DAY0.plus(Duration.ofHours(i)), i % 2 == 0 ? 100 : null,
                        DAY0);
            }
            return null;
        });
        everyQuestionAgrees();
        while (rollups.fold()) {
            // until caught up
        }
        everyQuestionAgrees();
        assertThat(jdbc.query("select count(*) from usage_reports where folded = false", rs -> rs.getLong(1)).getFirst()).isZero();
        assertThat(jdbc.query("select count(*) from reach_folds where name = 'reports'", rs -> rs.getLong(1)).getFirst())
                .as("no question or fold looks for old reports again").isOne();
        report();
        everyQuestionAgrees();
    }

    @Test
    void anEntryAppendedAfterTheLastFoldCountsAtOnce() {
        append(5);
        while (rollups.fold()) {
            // until caught up
        }
        Filter all = new Filter(new ReachScope.OfProduct(new ProductId("prd_a")), Optional.empty(), Optional.empty(), Optional.empty());
        long before = routed(reach.count(all));
        jdbc.transaction(c -> {
            seq++;
            Jdbc.update(c, "update items set latest_version = latest_version + 1 where id = 'i1'");
            int version = Jdbc.query(c, "select latest_version from items where id = 'i1'", rs -> rs.getInt(1)).getFirst();
            Jdbc.update(c, """
                    insert into versions (item_id, version, event, created_at, ninjs, type, products, rights_include, rights_exclude)
                    values ('i1', ?, 'published', ?, '{}', 'text', 'prd_a', '', '')""", version, DAY0);
            Jdbc.update(c, "insert into content_log (seq, item_id, version, event, appended_at) values (?, 'i1', ?, 'published', ?)",
                    seq, version, DAY0);
            for (String partner : List.of("p0", "p1", "p2")) {
                Jdbc.update(c, "insert into routes (org_id, seq, item_id, event) values (?, ?, 'i1', 'published')", partner, seq);
            }
            return null;
        });
        assertThat(routed(reach.count(all))).isEqualTo(before + 3);
        rollups.fold();
        assertThat(routed(reach.count(all))).isEqualTo(before + 3);
    }

    @Test
    void aVersionReadAgainAfterItWasCountedIsNotQueuedAgain() {
        append(5);
        String item = jdbc.query("select item_id from routes where org_id = 'p0' order by seq", rs -> rs.getString(1)).getFirst();
        int version = jdbc.query("select l.version from routes t join content_log l on l.seq = t.seq where t.org_id = 'p0' order by t.seq",
                rs -> rs.getInt(1)).getFirst();
        ReadFact fetched = new ReadFact.Opened(new OrgId("p0"), new ItemId(item), version, DAY0);
        new JdbcReadFacts(db.database()).record(List.of(fetched));
        assertThat(jdbc.query("select count(*) from reach_read_queue", rs -> rs.getLong(1)).getFirst()).isOne();
        while (rollups.fold()) {
            // until caught up
        }
        new JdbcReadFacts(db.database()).record(List.of(fetched));
        new JdbcDownloadFacts(db.database()).record(List.of(new Downloaded(new OrgId("p0"), new ItemId(item), version, "med_1", "hd", 1_000,
                DAY0)));
        assertThat(jdbc.query("select count(*) from reach_read_queue", rs -> rs.getLong(1)).getFirst()).isZero();
        everyQuestionAgrees();
    }

    private static Optional<Instant> at(int hours) {
        return Optional.of(DAY0.plus(Duration.ofHours(hours)));
    }

    private static long routed(Facts facts) {
        return facts.routed().stream().mapToLong(ReachFacts.Routed::routed).sum();
    }

    /** Entries of random items, each routed to some partners under some licensor (or none), on one of three days. */
    private void append(int entries) {
        jdbc.transaction(c -> {
            for (int e = 0; e < entries; e++) {
                String item = "i" + random.nextInt(12);
                int version = Jdbc.query(c, "select latest_version from items where id = ?", rs -> rs.getInt(1), item).getFirst() + 1;
                Instant at = DAY0.plus(Duration.ofHours(random.nextInt(72)));
                seq++;
                Jdbc.update(c, "update items set latest_version = ? where id = ?", version, item);
                Jdbc.update(c, """
                        insert into versions (item_id, version, event, created_at, ninjs, language, type, products, rights_include,
                                              rights_exclude)
                        values (?, ?, 'published', ?, '{}', ?, 'text', ?, ?, '')""",
                        item, version, at, random.nextInt(5) == 0 ? null : LANGUAGES.get(random.nextInt(2)),
                        PRODUCTS.get(random.nextInt(PRODUCTS.size())), random.nextBoolean() ? "" : "IT KE");
                Jdbc.update(c, "insert into content_log (seq, item_id, version, event, appended_at) values (?, ?, ?, 'published', ?)",
                        seq, item, version, at);
                for (String partner : PARTNERS) {
                    if (random.nextInt(3) > 0) {
                        String licensor = switch (random.nextInt(3)) {
                            case 0 -> null;
                            case 1 -> "ag";
                            default -> "co";
                        };
                        Jdbc.update(c, "insert into routes (org_id, seq, item_id, event, licensor_id) values (?, ?, ?, 'published', ?)",
                                partner, seq, item, licensor);
                    }
                }
            }
            return null;
        });
    }

    /** Feed pages served up to some entry, versions fetched or downloaded (some of them twice, some never routed). */
    private void read() {
        List<ReadFact> facts = new ArrayList<>();
        List<Downloaded> downloads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            OrgId partner = new OrgId(PARTNERS.get(random.nextInt(PARTNERS.size())));
            Instant at = DAY0.plus(Duration.ofHours(random.nextInt(72)));
            switch (random.nextInt(3)) {
                case 0 -> facts.add(new ReadFact.Fed(partner, 1 + random.nextInt((int) seq), at));
                case 1 -> facts.add(new ReadFact.Opened(partner, new ItemId("i" + random.nextInt(12)), 1 + random.nextInt(3), at));
                default -> downloads.add(new Downloaded(partner, new ItemId("i" + random.nextInt(12)), 1 + random.nextInt(3), "med_1", "hd",
                        1_000, at));
            }
        }
        new JdbcReadFacts(db.database()).record(facts);
        if (!downloads.isEmpty()) {
            new JdbcDownloadFacts(db.database()).record(downloads);
        }
    }

    /** Usage reports of routed versions, a few sent twice (a retry). */
    private void report() {
        List<Object[]> versions = jdbc.query("select item_id, version from versions", rs -> new Object[] {rs.getString(1), rs.getInt(2)});
        OrgId partner = new OrgId(PARTNERS.get(random.nextInt(PARTNERS.size())));
        List<UsageReport> reports = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Object[] v = versions.get(random.nextInt(versions.size()));
            reports.add(new UsageReport(partner, "r" + random.nextInt(40), new ItemId((String) v[0]), (Integer) v[1],
                    "out_" + random.nextInt(3), CountryCode.of(random.nextBoolean() ? "KE" : "US"), UsageKind.AIRED,
                    DAY0.plus(Duration.ofHours(random.nextInt(72))), random.nextBoolean() ? Optional.of(1_000L) : Optional.empty(), DAY0));
        }
        new JdbcUsageReports(db.database()).record(partner, reports.stream()
                .collect(java.util.stream.Collectors.toMap(UsageReport::id, r -> r, (a, b) -> a)).values().stream().toList());
    }

    private void everyQuestionAgrees() {
        List<ReachScope> scopes = List.of(new ReachScope.OfProduct(new ProductId("prd_a")), new ReachScope.OfProduct(new ProductId("prd_b")),
                new ReachScope.OfCoproduction("cop_1"));
        for (ReachScope scope : scopes) {
            for (Optional<OrgId> partner : List.of(Optional.<OrgId>empty(), Optional.of(new OrgId("p1")))) {
                for (List<Optional<Instant>> window : WINDOWS) {
                    Filter filter = new Filter(scope, partner, window.get(0), window.get(1));
                    assertThat(normal(reach.count(filter))).as("%s", filter).isEqualTo(normal(reach.fromRows(filter)));
                }
            }
        }
    }

    /** The facts with rows of the same key added up: the counts and the tail may each hold part of one group. */
    private static Map<String, Object> normal(Facts facts) {
        Map<String, long[]> routed = new TreeMap<>();
        for (ReachFacts.Routed r : facts.routed()) {
            long[] n = routed.computeIfAbsent(r.partner() + "|" + r.licensor() + "|" + r.language() + "|" + r.rights(), k -> new long[2]);
            n[0] += r.routed();
            n[1] += r.read();
        }
        Map<String, long[]> used = new TreeMap<>();
        for (ReachFacts.Used u : facts.used()) {
            long[] n = used.computeIfAbsent(u.partner() + "|" + u.outlet() + "|" + u.country() + "|" + u.language() + "|" + u.day(),
                    k -> new long[2]);
            n[0] += u.reports();
            n[1] += u.audience();
        }
        Map<String, Object> all = new TreeMap<>();
        routed.forEach((k, n) -> all.put("routed " + k, List.of(n[0], n[1])));
        used.forEach((k, n) -> all.put("used " + k, List.of(n[0], n[1])));
        all.put("delivered", facts.delivered());
        all.put("byDay", new TreeMap<>(facts.routedByDay()));
        return all;
    }
}

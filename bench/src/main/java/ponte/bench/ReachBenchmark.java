package ponte.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import ponte.app.Node;
import ponte.app.Settings;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.items.ItemId;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.Org;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.OrgKind;
import ponte.core.orgs.Outlet;
import ponte.core.orgs.OutletKind;
import ponte.core.orgs.Territories;
import ponte.core.products.ProductId;
import ponte.core.reach.Reach;
import ponte.core.reach.ReachScope;
import ponte.core.reach.Reporting;
import ponte.core.reach.UsageKind;
import ponte.formats.NinjsWriter;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reach question over a large network, Ponte against a plain SQL aggregate over the same rows in the same run
 * (docs/benchmarks.md): one agency licenses one product to P partners (each with an outlet abroad) and publishes N
 * items through the content log (N × P routes); half of each partner's feed is marked read (as {@code feed_reads}
 * holds it) and every tenth item fetched; then R usage reports go in through {@link Reporting} in batches of 1,000
 * (the ingest rate); once the reach folder has caught up, the product's reach is asked Q times, alternating with a plain
 * aggregate (routes per partner, reports and audience per outlet), then again right after 20 more items (an unfolded
 * tail). Arguments: items (10000), partners (100), reports (100000), queries (30); {@code -Dponte.bench.postgres=} a
 * PostgreSQL URL runs it in a fresh schema there instead of embedded H2.
 */
public final class ReachBenchmark {
    private static final String[] COUNTRIES = {"CN", "KR", "BR", "KE", "US", "DE", "FR", "JP", "IN", "ZA", "MX", "AR", "EG", "TR", "ID"};
    private static final ProductId PRODUCT = new ProductId("wire");
    private static final OrgId AGENCY = new OrgId("agency");

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int partners = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int reports = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int queries = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        Path root = Files.createTempDirectory("ponte-reach-bench-");
        Optional<String> postgres = Optional.ofNullable(System.getProperty("ponte.bench.postgres")).filter(u -> !u.isBlank());
        String schema = "reach_bench_" + System.currentTimeMillis();
        if (postgres.isPresent()) {
            try (Connection c = DriverManager.getConnection(postgres.get()); Statement s = c.createStatement()) {
                s.execute("create schema " + schema);
            }
        }
        Optional<String> database = postgres.map(u -> u + (u.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        System.out.printf("database: %s%n", database.orElse("embedded H2"));
        try (Node w = new Node(new Settings("127.0.0.1", 0, root.resolve("ponte"), database, "bench-admin"), Clock.systemUTC())) {
            run(w, n, partners, reports, queries);
        } finally {
            if (postgres.isPresent()) {
                try (Connection c = DriverManager.getConnection(postgres.get()); Statement s = c.createStatement()) {
                    s.execute("drop schema " + schema + " cascade");
                }
            }
        }
    }

    private static void run(Node w, int n, int partners, int reports, int queries) throws Exception {
        List<String> outlets = network(w, partners);
        w.startReachFolding(); // the node is not started (no HTTP): the folder runs alongside publishing, as on a node
        long t0 = System.nanoTime();
        List<ItemId> items = publish(w, n);
        System.out.printf("published %,d items (%,d routes) in %.1f s%n", n, (long) n * partners, (System.nanoTime() - t0) / 1e9);
        reads(w, partners, n);

        for (int threads : new int[] {1, 4}) {
            int share = reports / 2;
            double seconds = ingest(w, items, outlets, share, threads, threads == 1 ? "a" : "b");
            System.out.printf("usage ingest, %d client%s, batches of 1,000: %,d reports in %.2f s = %,.0f reports/s%n",
                    threads, threads == 1 ? "" : "s", share, seconds, share / seconds);
        }

        long f0 = System.nanoTime();
        caughtUp(w);
        System.out.printf("reach counts folded %.1f s after the last report (the folder runs alongside publishing)%n",
                (System.nanoTime() - f0) / 1e9);

        Caller editor = new Caller.Member(AGENCY, Role.EDITOR);
        ReachScope scope = new ReachScope.OfProduct(PRODUCT);
        Reach first = w.useCases().reaching().reach(editor, scope, Optional.empty(), Optional.empty());
        System.out.printf("reach of the product: %s%n", first.totals());
        for (int i = 0; i < 3; i++) { // warm-up of both
            w.useCases().reaching().reach(editor, scope, Optional.empty(), Optional.empty());
            plain(w);
        }
        long[] ponte = new long[queries];
        long[] sql = new long[queries];
        for (int q = 0; q < queries; q++) {
            long a = System.nanoTime();
            w.useCases().reaching().reach(editor, scope, Optional.empty(), Optional.empty());
            ponte[q] = System.nanoTime() - a;
            long b = System.nanoTime();
            plain(w);
            sql[q] = System.nanoTime() - b;
        }
        long[] item = new long[queries];
        for (int q = 0; q < queries; q++) {
            long a = System.nanoTime();
            w.useCases().reaching().reach(editor, new ReachScope.OfItem(items.get(q * 7919 % items.size())), Optional.empty(), Optional.empty());
            item[q] = System.nanoTime() - a;
        }
        System.out.printf("product reach, %d queries: Ponte p50 %.0f ms p95 %.0f ms; plain SQL aggregate p50 %.0f ms p95 %.0f ms; "
                        + "ratio (plain ÷ Ponte, p95) %.2f×%n", queries, ms(ponte, 50), ms(ponte, 95), ms(sql, 50), ms(sql, 95),
                ms(sql, 95) / ms(ponte, 95));
        System.out.printf("item reach (%d partners, its reports), %d queries: p50 %.1f ms p95 %.1f ms%n", partners, queries, ms(item, 50), ms(item, 95));

        // Fresh: 20 more items published and asked at once, before the folder has had them (the unfolded tail).
        publish(w, 20);
        long[] fresh = new long[5];
        for (int q = 0; q < fresh.length; q++) {
            long a = System.nanoTime();
            Reach now = w.useCases().reaching().reach(editor, scope, Optional.empty(), Optional.empty());
            fresh[q] = System.nanoTime() - a;
            if (q == 0) {
                System.out.printf("right after 20 more items: routed %,d (was %,d)%n", now.totals().routed(), first.totals().routed());
            }
        }
        System.out.printf("product reach with an unfolded tail: p50 %.0f ms max %.0f ms; heap used %,d MB of %,d MB%n", ms(fresh, 50),
                ms(fresh, 100), (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Waits until the reach folder has counted every route, read and report. */
    private static void caughtUp(Node w) throws Exception {
        while (true) {
            try (Connection c = w.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("""
                         select (select max(seq) from content_log) - (select seq from reach_folds where name = 'routes'),
                                (select count(*) from reach_read_queue), (select count(*) from usage_reports where folded = false)""")) {
                rs.next();
                if (rs.getLong(1) == 0 && rs.getLong(2) == 0 && rs.getLong(3) == 0) {
                    return;
                }
            }
            Thread.sleep(100);
        }
    }

    /** The agency, its product, and the partners, each licensed and with one outlet abroad; answers the outlets' ids. */
    private static List<String> network(Node w, int partners) {
        Caller operator = new Caller.Operator();
        w.useCases().onboarding().register(operator, new Org(AGENCY, "Agency", OrgKind.fromWire("agency"), CountryCode.of("IT")));
        Caller editor = new Caller.Member(AGENCY, Role.EDITOR);
        w.useCases().cataloguing().register(editor, PRODUCT, "Wire");
        List<String> outlets = new ArrayList<>();
        for (int p = 0; p < partners; p++) {
            OrgId partner = partner(p);
            w.useCases().onboarding().register(operator, new Org(partner, "Partner " + p, OrgKind.fromWire("broadcaster"),
                    CountryCode.of(COUNTRIES[p % COUNTRIES.length])));
            Outlet outlet = w.useCases().onboarding().addOutlet(operator, new Outlet("new", partner, "Channel " + p, OutletKind.TV,
                    CountryCode.of(COUNTRIES[(p + 1) % COUNTRIES.length])));
            outlets.add(outlet.id());
            w.useCases().agreeing().offer(editor, Optional.empty(), partner, Set.of(PRODUCT));
        }
        return outlets;
    }

    private static OrgId partner(int p) {
        return new OrgId(String.format("partner-%03d", p));
    }

    private static List<ItemId> publish(Node w, int n) throws Exception {
        ItemId[] ids = new ItemId[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long t0 = System.nanoTime();
        Caller editor = new Caller.Member(AGENCY, Role.EDITOR);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 64; t++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        ObjectNode ninjs = NinjsWriter.mapper().createObjectNode().put("type", "video").put("language", i % 3 == 0 ? "en" : "it");
                        ninjs.putArray("headlines").addObject().put("role", "main").put("value", "Item " + i);
                        ids[i] = w.useCases().publishing().publish(editor, Optional.empty(), w.useCases().ninjsReader().read(ninjs),
                                Set.of(PRODUCT), Territories.WORLDWIDE).revision().item().id();
                        SearchNetwork.progress("publish", done.incrementAndGet(), n, t0);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        }
        return Arrays.asList(ids);
    }

    /** Reads as the read facts hold them: each partner's feed served up to half the log, every tenth item fetched. */
    private static void reads(Node w, int partners, int n) throws Exception {
        long half = w.head().seq() / 2;
        Instant now = Instant.now();
        try (Connection c = w.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement feed = c.prepareStatement(
                    "insert into feed_reads (org_id, on_day, seq, first_read_at, reached_at) values (?, ?, ?, ?, ?)");
                 PreparedStatement opened = c.prepareStatement("""
                         insert into item_reads (org_id, item_id, version, on_day, reads, first_read_at)
                         select r.org_id, r.item_id, 1, ?, 1, ? from routes r where mod(r.seq, 10) = 0""");
                 PreparedStatement waiting = c.prepareStatement("""
                         insert into reach_read_queue (org_id, item_id, version)
                         select r.org_id, r.item_id, 1 from routes r where mod(r.seq, 10) = 0""")) {
                for (int p = 0; p < partners; p++) {
                    feed.setString(1, partner(p).value());
                    feed.setObject(2, LocalDate.now(ZoneOffset.UTC));
                    feed.setLong(3, half);
                    feed.setObject(4, now.atOffset(ZoneOffset.UTC));
                    feed.setObject(5, now.atOffset(ZoneOffset.UTC));
                    feed.addBatch();
                }
                feed.executeBatch();
                opened.setObject(1, LocalDate.now(ZoneOffset.UTC));
                opened.setObject(2, now.atOffset(ZoneOffset.UTC));
                opened.executeUpdate();
                waiting.executeUpdate(); // as JdbcReadFacts queues a fetched version for the reach folder
            }
            c.commit();
        }
    }

    /** Usage in batches of 1,000, each batch one partner's airings of 20 items, from {@code threads} clients at once. */
    private static double ingest(Node w, List<ItemId> items, List<String> outlets, int total, int threads, String run) throws Exception {
        int batches = total / 1_000;
        AtomicInteger next = new AtomicInteger();
        Instant at = Instant.now().minusSeconds(3600);
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                        int p = b % outlets.size();
                        List<Reporting.Report> batch = new ArrayList<>(1_000);
                        for (int i = 0; i < 1_000; i++) {
                            ItemId item = items.get((b * 20 + i % 20) % items.size());
                            batch.add(new Reporting.Report(run + "-" + b + "-" + i, new Reporting.ItemRef.ById(item), Optional.empty(),
                                    outlets.get(p), UsageKind.AIRED, at.plusSeconds(i), Optional.of(1_000L + i)));
                        }
                        w.useCases().reporting().reportAll(new Caller.Member(partner(p), Role.PARTNER), batch);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The plain aggregate over the same rows: routes per partner of the product's items, reports and audience per outlet. */
    private static void plain(Node w) throws Exception {
        try (Connection c = w.dataSource().getConnection(); Statement s = c.createStatement()) {
            long sum = 0;
            try (ResultSet rs = s.executeQuery("""
                    select t.org_id, count(*) from routes t join content_log l on l.seq = t.seq
                    join versions v on v.item_id = l.item_id and v.version = l.version
                    where (' ' || v.products || ' ') like '% wire %' group by t.org_id""")) {
                while (rs.next()) {
                    sum += rs.getLong(2);
                }
            }
            try (ResultSet rs = s.executeQuery("""
                    select t.org_id, t.outlet_id, count(*), sum(t.audience) from usage_reports t
                    join versions v on v.item_id = t.item_id and v.version = t.version
                    where (' ' || v.products || ' ') like '% wire %' group by t.org_id, t.outlet_id""")) {
                while (rs.next()) {
                    sum += rs.getLong(3);
                }
            }
            if (sum == 0) {
                throw new IllegalStateException("the plain aggregate found nothing");
            }
        }
    }

    private static double ms(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int i = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, i)] / 1e6;
    }
}

package ponte.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.sql.DataSource;
import ponte.app.Node;
import ponte.app.Settings;
import ponte.core.Ids;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Territories;
import ponte.core.products.ProductId;
import ponte.core.publishing.Desk;
import ponte.formats.NinjsWriter;

/**
 * The search benchmark's content log, built once per (items, seed, generator version) into an embedded database under
 * {@code bench/target/search-log/} and copied for each run, so that a run at a million items does not spend minutes
 * publishing first.
 *
 * <p>Item 0 goes through Ponte's real publish path (ninjs validation, the desk, the gate's routing, the log writer).
 * The rest are written in bulk, in batched inserts of 5,000 items a transaction, as the same rows the publish
 * path wrote for item 0: {@code items}, {@code item_owners}, {@code versions} (the ninjs stored byte for byte as the
 * reader stores it), {@code content_log} and {@code routes}. Two checks keep the two apart from drifting: the tables
 * the real publish grew must be exactly those plus the audit trail's, and the rows this writer makes for item 0 must
 * equal the real ones column by column (times aside). Not exercised for items 1..n-1: the schema check, the desk,
 * routing by the gate (every item goes to the one partner, as the gate routed item 0), the audit trail (search never
 * reads it) and the log writer's group commit. Ponte's indexer then reads these rows through its ordinary log reads.
 */
final class SearchLog {
    /** Bump when {@link SearchCorpus#item}, the network or the rows written change: the cached logs are then rebuilt. */
    static final int GENERATOR = 3; // 2: item ids in time order, as the publish path makes them (Ids.nextInOrder); 3: dated in the past
    private static final int BATCH = 5000;
    private static final Set<String> WRITTEN = Set.of("items", "item_owners", "versions", "content_log", "routes");
    private static final Set<String> NOT_WRITTEN = Set.of("audit_trail", "audit_concerns");

    private SearchLog() {}

    /** Builds the cached log only (bench/search.sh then finds it): arguments items (default 100000) and seed (default 0). */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 0;
        cached(SearchCorpus.load(seed), n, seed, cache());
    }

    /** Where cached logs are kept: {@code bench/target/search-log}, or the system property {@code bench.searchLogs}. */
    static Path cache() {
        return Path.of(System.getProperty("bench.searchLogs", "bench/target/search-log")).toAbsolutePath();
    }

    /** The cached log's data directory for these items, built first when missing. */
    static Path cached(SearchCorpus corpus, int n, long seed, Path cache) throws Exception {
        Path dir = cache.resolve("v" + GENERATOR + "-" + corpus.fingerprint() + "-n" + n + "-s" + seed);
        if (Files.exists(dir.resolve("complete"))) {
            System.out.printf("log: %,d items cached in %s%n", n, dir);
            return dir;
        }
        Path partial = cache.resolve(dir.getFileName() + ".partial");
        if (Files.exists(partial)) {
            delete(partial);
        }
        Files.createDirectories(partial);
        long t0 = System.nanoTime();
        Template template;
        try (Node w = new Node(new Settings("127.0.0.1", 0, partial, Optional.empty(), "bench-admin"), Clock.systemUTC())) {
            template = first(w, corpus, SearchNetwork.network(w));
        }
        // The same file opened without the node's asynchronous channel and with a cache that holds the indexes being
        // filled (random item ids land anywhere in them): a third of the writing time went to waiting on those two.
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + partial.toAbsolutePath().resolve("ponte")
                + ";CACHE_SIZE=1048576;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "")) {
            write(c, template, corpus, n, seed);
            // Rewrites the file without the pages the writing left behind: a sixth of the size, so a run copies less.
            long compacting = System.nanoTime();
            try (Statement st = c.createStatement()) {
                st.execute("shutdown compact");
            }
            System.out.printf("log: compacted in %.1f s%n", (System.nanoTime() - compacting) / 1e9);
        }
        Files.writeString(partial.resolve("complete"), "items " + n + ", seed " + seed + ", generator " + GENERATOR + "\n");
        Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("log: %,d items written in %.1f s into %s (%s)%n", n, (System.nanoTime() - t0) / 1e9, dir, IndexMemory.mib(IndexMemory.disk(dir)));
        return dir;
    }

    /** A fresh copy of the cached log as a node's data directory. */
    static void copy(Path cached, Path dataDir) throws IOException {
        long t0 = System.nanoTime();
        Files.createDirectories(dataDir);
        try (Stream<Path> files = Files.walk(cached)) {
            for (Path p : files.filter(f -> !f.equals(cached)).toList()) {
                Path to = dataDir.resolve(cached.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        System.out.printf("log: copied (%s) in %.1f s%n", IndexMemory.mib(IndexMemory.disk(dataDir)), (System.nanoTime() - t0) / 1e9);
    }

    /** Item 0 through the publish path; what it wrote is checked and kept as the template of the rest. */
    private static Template first(Node w, SearchCorpus corpus, OrgId partner) throws Exception {
        DataSource ds = w.dataSource();
        Map<String, Long> before = rowCounts(ds);
        SearchCorpus.Item first = corpus.item(0);
        w.useCases().publishing().publish(new Caller.Member(SearchNetwork.orgOf(first.language()), Role.EDITOR), Optional.empty(),
                w.useCases().ninjsReader().read(SearchNetwork.ninjs(first)), Set.of(new ProductId(SearchNetwork.productOf(first.language()))),
                Territories.WORLDWIDE);
        if (w.head().seq() != 1) {
            throw new IllegalStateException("item 0 should be log entry 1, is " + w.head());
        }
        Map<String, Long> after = rowCounts(ds);
        Set<String> grown = new java.util.TreeSet<>();
        after.forEach((table, count) -> {
            if (count > before.getOrDefault(table, 0L)) {
                grown.add(table);
            }
        });
        Set<String> expected = new java.util.TreeSet<>(WRITTEN);
        expected.addAll(NOT_WRITTEN);
        if (!grown.equals(expected)) {
            throw new IllegalStateException("the publish path now writes " + grown + ", the bulk writer " + WRITTEN + ": bring it up to date");
        }
        Template template = template(ds, partner);
        template.check(ds, corpus);
        return template;
    }

    private static void write(Connection c, Template template, SearchCorpus corpus, int n, long seed) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed);
        // Item i is dated start + i ms, so the whole backlog lies in the past: dated from now on, the last items of a
        // million would lie up to 17 minutes ahead, and a run right after the build found only the items already due.
        Instant start = Instant.now().minusMillis(n).truncatedTo(ChronoUnit.MILLIS);
        long t0 = System.nanoTime();
        c.setAutoCommit(false);
        Map<String, PreparedStatement> inserts = new LinkedHashMap<>();
        try {
            for (String table : WRITTEN.stream().sorted(Comparator.comparingInt(SearchLog::order)).toList()) {
                inserts.put(table, c.prepareStatement(insert(table)));
            }
            for (int i = 1; i < n; i++) {
                // Item i is made at start + i ms, as its log entry says: its id sorts by that instant, as a published item's does.
                String id = new Ids(random, Clock.fixed(start.plusMillis(i), ZoneOffset.UTC)).nextInOrder();
                Map<String, Object[]> rows = template.rows(corpus.item(i), id, i + 1L, start.plusMillis(i));
                for (var e : rows.entrySet()) {
                    PreparedStatement ps = inserts.get(e.getKey());
                    Object[] values = e.getValue();
                    for (int k = 0; k < values.length; k++) {
                        ps.setObject(k + 1, values[k] instanceof Instant t ? t.atOffset(ZoneOffset.UTC) : values[k]);
                    }
                    ps.addBatch();
                }
                if (i % BATCH == 0 || i == n - 1) {
                    for (PreparedStatement ps : inserts.values()) {
                        ps.executeBatch();
                    }
                    c.commit();
                }
                SearchNetwork.progress("write log", i + 1, n, t0);
            }
        } finally {
            for (PreparedStatement ps : inserts.values()) {
                ps.close();
            }
        }
    }

    /** Parents before children: the foreign keys are checked row by row. */
    private static int order(String table) {
        return List.of("items", "item_owners", "versions", "content_log", "routes").indexOf(table);
    }

    private static String insert(String table) {
        List<String> columns = COLUMNS.get(table);
        return "insert into " + table + " (" + String.join(", ", columns) + ") values (" + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
    }

    private static final Map<String, List<String>> COLUMNS = Map.of(
            "items", List.of("id", "uri", "latest_version", "first_created", "killed"),
            "item_owners", List.of("item_id", "org_id"),
            "versions", List.of("item_id", "version", "event", "created_at", "ninjs", "language", "embargoed_until", "type", "headline",
                    "products", "rights_include", "rights_exclude", "kill_reason", "key_id"),
            "content_log", List.of("seq", "item_id", "version", "event", "appended_at"),
            "routes", List.of("org_id", "seq", "item_id", "event", "licensor_id"));
    private static final Set<String> TIMES = Set.of("first_created", "created_at", "appended_at");

    /** What the real publish of item 0 wrote that is the same for every item: rights, key, route, event names. */
    private record Template(String id, String event, String rightsInclude, String rightsExclude, Object keyId, OrgId partner, String routeEvent) {
        Map<String, Object[]> rows(SearchCorpus.Item item, String id, long seq, Instant at) {
            String agency = SearchNetwork.orgOf(item.language()).value();
            String headline = item.headline().length() > 2000 ? item.headline().substring(0, 2000) : item.headline();
            Map<String, Object[]> rows = new HashMap<>();
            rows.put("items", new Object[] {id, Desk.URI_PREFIX + id, 1, at, false});
            rows.put("item_owners", new Object[] {id, agency});
            rows.put("versions", new Object[] {id, 1, event, at, NinjsWriter.mapper().writeValueAsString(SearchNetwork.ninjs(item)), item.language(),
                    null, item.type(), headline, SearchNetwork.productOf(item.language()), rightsInclude, rightsExclude, null, keyId});
            rows.put("content_log", new Object[] {seq, id, 1, event, at});
            rows.put("routes", new Object[] {partner.value(), seq, id, routeEvent, agency});
            return rows;
        }

        /** The rows this writer makes for item 0 are those the real path made, column by column, times aside. */
        void check(DataSource ds, SearchCorpus corpus) throws SQLException {
            Map<String, Object[]> mine = rows(corpus.item(0), id, 1, Instant.EPOCH);
            try (Connection c = ds.getConnection()) {
                for (String table : WRITTEN) {
                    List<String> columns = COLUMNS.get(table);
                    String key = table.equals("items") ? "id" : "item_id";
                    try (PreparedStatement ps = c.prepareStatement("select " + String.join(", ", columns) + " from " + table + " where " + key + " = ?")) {
                        ps.setString(1, id);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (!rs.next()) {
                                throw new IllegalStateException("no " + table + " row for item 0");
                            }
                            for (int k = 0; k < columns.size(); k++) {
                                if (TIMES.contains(columns.get(k))) {
                                    continue;
                                }
                                String real = String.valueOf(rs.getObject(k + 1));
                                String bulk = String.valueOf(mine.get(table)[k]);
                                if (!real.equals(bulk)) {
                                    throw new IllegalStateException(table + "." + columns.get(k) + ": the publish path wrote " + real + ", the bulk writer would write " + bulk);
                                }
                            }
                            if (rs.next()) {
                                throw new IllegalStateException("more than one " + table + " row for item 0");
                            }
                        }
                    }
                }
            }
        }
    }

    private static Template template(DataSource ds, OrgId partner) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     select v.item_id, v.event, v.rights_include, v.rights_exclude, v.key_id, r.event
                     from versions v join content_log l on l.item_id = v.item_id join routes r on r.seq = l.seq where l.seq = 1""")) {
            if (!rs.next()) {
                throw new IllegalStateException("item 0 has no route: is the partner licensed?");
            }
            return new Template(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5), partner, rs.getString(6));
        }
    }

    private static Map<String, Long> rowCounts(DataSource ds) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select table_name from information_schema.tables where lower(table_schema) = 'public' and table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = st.executeQuery("select count(*) from \"" + t + "\"")) {
                    rs.next();
                    counts.put(t, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

package ponte.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import ponte.storage.CopyRows;
import ponte.storage.Database;

/**
 * The log writer's rows on PostgreSQL, three ways, in one run: what the server spends per published item (CPU time of
 * the one backend doing the writing, read from /proc, so the neighbours' load on this shared machine does not enter
 * it) and how fast one connection writes. Each group is what a group of published items writes (item, owner, version
 * with a ninjs document of Node.ninjs's size, log entry, two routes, in the writer's order, parents first), committed
 * as one transaction:
 * <ul>
 *   <li><b>batch</b>: one JDBC batch per table (the writer's path before COPY; PgJDBC sends one execution per row);
 *   <li><b>multi-row</b>: the same batches on a connection with PgJDBC's {@code reWriteBatchedInserts=true}
 *       (multi-row VALUES);
 *   <li><b>copy</b>: one {@code COPY ... FROM STDIN (FORMAT csv)} per table ({@link CopyRows}, the writer's path now).
 * </ul>
 * Ways take turns in every round and group size, on the real schema (Flyway's migrations, every index and foreign key).
 *
 * <p>Usage: {@code LogRowsOnPostgres [group sizes...]} (default 1 4 16 64 256); -Dbench.rounds (3), -Dbench.items
 * (items per way, size and round: 2,048).
 */
public final class LogRowsOnPostgres {
    private static final String[] WAYS = {"batch", "multi-row", "copy"};
    private static final String PARTNER_A = "partner-a";
    private static final String PARTNER_B = "partner-b";

    private LogRowsOnPostgres() {}

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = args.length == 0 ? List.of(1, 4, 16, 64, 256) : java.util.Arrays.stream(args).map(Integer::valueOf).toList();
        int rounds = Integer.getInteger("bench.rounds", 3);
        int items = Integer.getInteger("bench.items", 2048);
        Map<String, double[]> totals = new TreeMap<>(); // size/way -> server ms, wall ms, items
        try (PostgresSchema schema = new PostgresSchema("rows"); Database migrated = Database.at(schema.url(), "postgres", "")) {
            try (Connection c = DriverManager.getConnection(schema.url()); Statement s = c.createStatement()) {
                for (String org : List.of("agency", PARTNER_A, PARTNER_B)) {
                    s.execute("insert into orgs (id, name, kind, country, created_at) values ('" + org + "', '" + org + "', 'agency', 'IT', now())");
                }
            }
            Map<String, Connection> connections = new TreeMap<>();
            connections.put("batch", DriverManager.getConnection(schema.url()));
            connections.put("multi-row", DriverManager.getConnection(schema.url() + "&reWriteBatchedInserts=true"));
            connections.put("copy", DriverManager.getConnection(schema.url()));
            long next = 0;
            for (int round = 1; round <= rounds; round++) {
                for (int size : sizes) {
                    for (String way : WAYS) {
                        Connection c = connections.get(way);
                        c.setAutoCommit(false);
                        int backend = backendPid(c);
                        long cpu0 = ServerCpu.ticks(backend);
                        long t0 = System.nanoTime();
                        for (int written = 0; written < items; written += size) {
                            write(c, way, next, size);
                            next += size;
                            c.commit();
                        }
                        double wall = (System.nanoTime() - t0) / 1e6;
                        double server = (ServerCpu.ticks(backend) - cpu0) * ProcTicks.MS_PER_TICK;
                        double[] t = totals.computeIfAbsent(String.format(Locale.ROOT, "%04d %s", size, way), k -> new double[3]);
                        t[0] += server;
                        t[1] += wall;
                        t[2] += items;
                        System.out.printf(Locale.ROOT, "round %d, groups of %3d, %-9s: server %.3f ms/item, %,.0f items/s%n",
                                round, size, way, server / items, items / wall * 1e3);
                    }
                }
            }
            for (Connection c : connections.values()) {
                c.close();
            }
        }
        StringBuilder table = new StringBuilder("### The log writer's rows on PostgreSQL: batch, multi-row VALUES, COPY\n\n"
                + "| group | way | server CPU ms per item | items/s (one connection) |\n|---:|---|---:|---:|\n");
        totals.forEach((key, t) -> table.append(String.format(Locale.ROOT, "| %d | %s | %.3f | %,.0f |%n",
                Integer.parseInt(key.substring(0, 4)), key.substring(5), t[0] / t[2], t[2] / t[1] * 1e3)));
        System.out.println();
        System.out.println(table);
        Report.write("log-rows-postgres.md", table.toString());
    }

    private static void write(Connection c, String way, long first, int size) throws SQLException {
        List<Object[]> items = new ArrayList<>();
        List<Object[]> owners = new ArrayList<>();
        List<Object[]> versions = new ArrayList<>();
        List<Object[]> log = new ArrayList<>();
        List<Object[]> routes = new ArrayList<>();
        Instant now = Instant.now();
        for (long seq = first + 1; seq <= first + size; seq++) {
            String id = "item-" + seq;
            items.add(new Object[] {id, "urn:bench:" + seq, 1, now, false});
            owners.add(new Object[] {id, "agency"});
            versions.add(new Object[] {id, 1, "published", now, Node.ninjs("w" + seq), "it", null, "text", "Bilancio approvato, w" + seq,
                    Node.PRODUCT, "*", "", null, null});
            log.add(new Object[] {seq, id, 1, "published", now});
            routes.add(new Object[] {PARTNER_A, seq, id, "published", "agency"});
            routes.add(new Object[] {PARTNER_B, seq, id, "published", "agency"});
        }
        rows(c, way, "items", "id, uri, latest_version, first_created, killed", items);
        rows(c, way, "item_owners", "item_id, org_id", owners);
        rows(c, way, "versions", "item_id, version, event, created_at, ninjs, language, embargoed_until, type, headline, "
                + "products, rights_include, rights_exclude, kill_reason, key_id", versions);
        rows(c, way, "content_log", "seq, item_id, version, event, appended_at", log);
        rows(c, way, "routes", "org_id, seq, item_id, event, licensor_id", routes);
    }

    private static void rows(Connection c, String way, String table, String columns, List<Object[]> rows) throws SQLException {
        if (way.equals("copy")) {
            CopyRows.copy(c, table, columns, rows);
            return;
        }
        String marks = "?, ".repeat(columns.split(",").length - 1) + "?";
        try (PreparedStatement ps = c.prepareStatement("insert into " + table + " (" + columns + ") values (" + marks + ")")) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i] instanceof Instant t ? t.atOffset(java.time.ZoneOffset.UTC) : row[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static int backendPid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}

package ponte.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A fresh schema on the local PostgreSQL server (127.0.0.1:5432, database test, trust auth, as the integration
 * suite uses it; -Dbench.postgres overrides the server URL), dropped again on close, so every run starts from an
 * empty log and leaves nothing behind.
 */
final class PostgresSchema implements AutoCloseable {
    static final String SERVER = System.getProperty("bench.postgres", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = "postgres";

    private final String name;
    private final String purpose;

    PostgresSchema(String purpose) throws SQLException {
        this.name = "bench_" + purpose + "_" + Long.toString(System.currentTimeMillis(), 36);
        this.purpose = purpose;
        execute("create schema " + name);
    }

    /**
     * The JDBC URL a node on this schema uses; its connections name themselves after the purpose
     * ({@code application_name}), so {@link ServerCpu} can tell their backends from the reference's.
     */
    String url() {
        return SERVER + "?currentSchema=" + name + "&user=" + USER + "&ApplicationName=" + applicationName()
                + System.getProperty("bench.postgres.options", "");
    }

    String applicationName() {
        return "bench-" + purpose;
    }

    /** The server's version string, for the report's machine line. */
    static String serverVersion() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, USER, ""); Statement s = c.createStatement();
                var rs = s.executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * Updates the planner's statistics of every table in the schema, as autovacuum does on a running server. Fresh
     * tables that grew by thousands of rows within a minute have none yet, and the planner then reads whole tables
     * (see docs/benchmarks.md); a deployment that has run for a while does not measure that.
     */
    void analyze() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, USER, ""); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (var rs = s.executeQuery("select tablename from pg_tables where schemaname = '" + name + "'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                s.execute("analyze " + name + "." + table);
            }
        }
    }

    /**
     * What one round trip and one durable commit cost on this server right now, from a single connection: the
     * floor under the log writer, which runs its statements one after another. p50 of 500 {@code select 1} and of
     * 100 single-row insert-and-commit.
     */
    String floor() throws SQLException {
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.execute("create table if not exists bench_commits (id bigserial primary key, body text not null)");
            long[] roundTrips = new long[500];
            for (int i = 0; i < roundTrips.length; i++) {
                long t0 = System.nanoTime();
                s.execute("select 1");
                roundTrips[i] = System.nanoTime() - t0;
            }
            long[] commits = new long[100];
            try (var insert = c.prepareStatement("insert into bench_commits (body) values ('x')")) {
                for (int i = 0; i < commits.length; i++) {
                    long t0 = System.nanoTime();
                    insert.executeUpdate(); // auto-commit: one durable commit (fdatasync) per row
                    commits[i] = System.nanoTime() - t0;
                }
            }
            return String.format(Locale.ROOT, "PostgreSQL round trip p50 %.2f ms, single-row commit p50 %.2f ms",
                    median(roundTrips), median(commits));
        }
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, USER, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        execute("drop schema if exists " + name + " cascade");
    }
}

package ponte.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time the local PostgreSQL server spent, per process, read from /proc (the server runs on this machine): the
 * backends of one application (the JDBC URL's {@code ApplicationName}, {@link PostgresSchema#url()}), and the server's
 * own processes (WAL writer, checkpointer, background writer, autovacuum), which every connection's writes feed. On
 * two shared cores the server's CPU per row is taken from what the node itself gets, so it is measured, not guessed.
 */
final class ServerCpu {
    /** CPU ticks per server process at one moment, with the application each belongs to ("" for the server's own). */
    record Snapshot(Map<Integer, Long> ticks, Map<Integer, String> application) {
        /** Milliseconds of CPU the backends of {@code app} (or, for "", the server's own processes) used since {@code before}. */
        double millisSince(Snapshot before, String app) {
            long sum = 0;
            for (var e : ticks.entrySet()) {
                if (app.equals(application.get(e.getKey()))) {
                    sum += e.getValue() - before.ticks().getOrDefault(e.getKey(), 0L);
                }
            }
            return sum * ProcTicks.MS_PER_TICK;
        }
    }

    private ServerCpu() {}

    static Snapshot now() throws SQLException {
        Map<Integer, Long> ticks = new HashMap<>();
        Map<Integer, String> application = new HashMap<>();
        try (Connection c = DriverManager.getConnection(PostgresSchema.SERVER, PostgresSchema.USER, ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select pid, backend_type, application_name from pg_stat_activity where pid <> pg_backend_pid()")) {
            while (rs.next()) {
                int pid = rs.getInt(1);
                boolean backend = "client backend".equals(rs.getString(2));
                application.put(pid, backend ? rs.getString(3) : "");
                ticks.put(pid, ticks(pid));
            }
        }
        return new Snapshot(ticks, application);
    }

    /** CPU ticks of server process {@code pid}. */
    static long ticks(int pid) {
        try {
            return ProcTicks.of(Path.of("/proc", Integer.toString(pid), "stat"));
        } catch (IOException | RuntimeException gone) {
            return 0; // the process ended (a pool closed a connection): its time is lost to this count, not guessed
        }
    }
}

package ponte.app;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import ponte.storage.Database;

/**
 * A schema the real migrations made once per test JVM, dumped by {@code pg_dump} and replayed into each new test
 * schema in one round trip. Migrating a new schema was most of a production-mode node's start (Flyway's hundreds of
 * statements and round trips), and the suite starts hundreds of nodes; the replay is the same tables, indexes, keys
 * and migration history. A node on it still runs Flyway, which finds nothing pending; the storage module's tests and
 * the template itself run the migrations. Without {@code pg_dump} each schema is migrated as before.
 */
final class PostgresTemplate {
    private static final String NAME = "ponte_template_" + ProcessHandle.current().pid();
    private static String script;
    private static boolean unavailable;

    private PostgresTemplate() {}

    /** Makes the schema, as the migrations leave it, unless it exists (a node restarted on the same data directory). */
    static void seed(Connection c, String schema) throws SQLException {
        if (exists(c, schema)) {
            return;
        }
        String replay = script(c);
        try (Statement st = c.createStatement()) {
            st.execute(replay == null ? "create schema " + schema : replay.replace(NAME, schema));
        }
    }

    private static boolean exists(Connection c, String schema) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("select 1 from information_schema.schemata where schema_name = ?")) {
            q.setString(1, schema);
            try (ResultSet r = q.executeQuery()) {
                return r.next();
            }
        }
    }

    private static synchronized String script(Connection c) throws SQLException {
        if (script == null && !unavailable) {
            try (Statement st = c.createStatement()) {
                st.execute("drop schema if exists " + NAME + " cascade");
                st.execute("create schema " + NAME);
            }
            try {
                Database.at(TestDatabase.urlOf(NAME), "postgres", "").close();
                script = dump();
            } catch (IOException | RuntimeException e) {
                System.err.println("PostgresTemplate: migrating each schema instead, pg_dump gave no template: " + e.getMessage());
                unavailable = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unavailable = true;
            } finally {
                try (Statement st = c.createStatement()) {
                    st.execute("drop schema if exists " + NAME + " cascade");
                }
            }
        }
        return script;
    }

    private static String dump() throws IOException, InterruptedException {
        URI server = URI.create(TestDatabase.POSTGRES_SERVER.substring("jdbc:".length()));
        Process p = new ProcessBuilder(List.of("pg_dump", "--host", server.getHost(), "--port", Integer.toString(server.getPort()),
                "--username", "postgres", "--dbname", server.getPath().substring(1), "--schema", NAME, "--inserts", "--no-owner",
                "--no-privileges", "--no-comments")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.contains("CREATE SCHEMA " + NAME)) {
            throw new IOException("pg_dump of " + NAME + " failed (exit " + (p.isAlive() ? "none" : p.exitValue()) + ")");
        }
        // lines for psql, not SQL: pg_dump's restrict and unrestrict meta-commands (its guard against a server feeding psql)
        return out.lines().filter(line -> !line.startsWith("\\")).collect(java.util.stream.Collectors.joining("\n"));
    }
}

package ponte.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Which database the integration suite runs on: embedded H2 by default, or the real PostgreSQL server at
 * 127.0.0.1:5432 (database {@code test}) when the system property {@code ponte.test.db} is {@code postgres}, as the
 * second surefire run sets it. Each data directory gets its own schema, so a node restarted on the same data
 * directory finds its data again, and test classes never see each other's rows.
 */
final class TestDatabase {
    static final String POSTGRES_SERVER = System.getProperty("ponte.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test");

    private static final java.util.Set<String> CREATED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        // Schemas live as long as the test JVM: restarts within a test find their data, and nothing piles up.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(POSTGRES_SERVER, "postgres", "")) {
                for (String schema : CREATED) {
                    c.createStatement().execute("drop schema if exists " + schema + " cascade");
                }
            } catch (SQLException e) {
                System.err.println("could not drop test schemas: " + e.getMessage());
            }
        }));
    }

    private TestDatabase() {}

    static boolean postgres() {
        return "postgres".equals(System.getProperty("ponte.test.db", "h2"));
    }

    /** The JDBC URL a node on this data directory uses, or empty for embedded H2. */
    static Optional<String> urlFor(Path dataDir) {
        return postgres() ? postgresUrlFor(dataDir) : Optional.empty();
    }

    /** A PostgreSQL schema of its own for this data directory, whichever suite runs (production-mode tests need it). */
    static Optional<String> postgresUrlFor(Path dataDir) {
        String schema = "t_" + HexFormat.of().formatHex(sha1(dataDir.toAbsolutePath().toString())).substring(0, 20);
        try (Connection c = DriverManager.getConnection(POSTGRES_SERVER, "postgres", "")) {
            c.createStatement().execute("create schema if not exists " + schema);
            CREATED.add(schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + POSTGRES_SERVER + " is not reachable: " + e.getMessage(), e);
        }
        return Optional.of(POSTGRES_SERVER + "?currentSchema=" + schema + "&user=postgres");
    }

    private static byte[] sha1(String s) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

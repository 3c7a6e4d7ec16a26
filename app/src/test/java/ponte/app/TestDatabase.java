package ponte.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import ponte.kafka.KafkaBroker;

/**
 * Which mode the integration suite runs in: embedded (H2) by default, or production — the real PostgreSQL server at
 * 127.0.0.1:5432 (database {@code test}) with the log relayed through a real Kafka broker in this JVM — when the
 * system property {@code ponte.test.mode} is {@code production}, as the second surefire run sets it. Each data
 * directory gets its own schema and its own topic, so a node restarted on the same data directory finds its data and
 * test classes never see each other's.
 */
final class TestDatabase {
    static final String POSTGRES_SERVER = System.getProperty("ponte.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

    static {
        // Schemas and the broker live as long as the test JVM: restarts within a test find their data.
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

    static boolean production() {
        return "production".equals(System.getProperty("ponte.test.mode", "embedded"));
    }

    /** The settings of a node on this data directory in the suite's mode. */
    static Settings settingsFor(Path dataDir, String adminKey) {
        if (!production()) {
            EmbeddedTemplate.seed(dataDir);
            return new Settings("127.0.0.1", 0, dataDir, Optional.empty(), adminKey);
        }
        return new Settings("127.0.0.1", 0, dataDir, postgresUrlFor(dataDir), adminKey, Optional.of(kafka().bootstrapServers()), topicFor(dataDir));
    }

    /** Command-line arguments that start a separate server process in the suite's mode on this data directory. */
    static java.util.List<String> serverArguments(Path dataDir) {
        if (!production()) {
            return java.util.List.of();
        }
        return java.util.List.of("--db", postgresUrlFor(dataDir).orElseThrow(), "--kafka", kafka().bootstrapServers());
    }

    static String topicFor(Path dataDir) {
        return "ponte.log." + schemaFor(dataDir);
    }

    /** A PostgreSQL schema of its own for this data directory, whichever suite runs (production-mode tests need it). */
    static Optional<String> postgresUrlFor(Path dataDir) {
        String schema = schemaFor(dataDir);
        try (Connection c = DriverManager.getConnection(POSTGRES_SERVER, "postgres", "")) {
            PostgresTemplate.seed(c, schema);
            CREATED.add(schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + POSTGRES_SERVER + " is not reachable: " + e.getMessage(), e);
        }
        return Optional.of(urlOf(schema));
    }

    /**
     * The URL of a schema. Commits without waiting for the WAL flush: a test's node killed with -9 keeps everything
     * committed (the server does not stop); only a crash of PostgreSQL itself could lose the last commits, which no test does.
     */
    static String urlOf(String schema) {
        return POSTGRES_SERVER + "?currentSchema=" + schema + "&user=postgres&options=-c%20synchronous_commit%3Doff";
    }

    private static String schemaFor(Path dataDir) {
        return "t_" + HexFormat.of().formatHex(sha1(dataDir.toAbsolutePath().toString())).substring(0, 20);
    }

    /** One broker for the whole test JVM, started on first use. */
    static KafkaBroker kafka() {
        return KafkaBroker.shared();
    }

    private static byte[] sha1(String s) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

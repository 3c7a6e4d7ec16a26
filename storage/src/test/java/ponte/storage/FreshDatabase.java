package ponte.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * An empty, migrated database on either engine Ponte runs on: H2 in a file under the test's directory, or a schema of
 * its own on the local PostgreSQL (dropped on close), so tests of one store run alike on both.
 */
final class FreshDatabase implements AutoCloseable {
    static final String POSTGRES_SERVER = System.getProperty("ponte.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test");

    enum Engine { H2, POSTGRESQL }

    private final Database database;
    private final String schema;

    private FreshDatabase(Database database, String schema) {
        this.database = database;
        this.schema = schema;
    }

    static FreshDatabase on(Engine engine, Path dataDir) {
        if (engine == Engine.H2) {
            return new FreshDatabase(Database.embedded(dataDir), null);
        }
        String schema = "s_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        execute("create schema " + schema);
        return new FreshDatabase(Database.at(POSTGRES_SERVER + "?currentSchema=" + schema, "postgres", ""), schema);
    }

    Database database() {
        return database;
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(POSTGRES_SERVER, "postgres", "")) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + POSTGRES_SERVER + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        database.close();
        if (schema != null) {
            execute("drop schema " + schema + " cascade");
        }
    }
}

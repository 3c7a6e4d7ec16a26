package ponte.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;

/**
 * The content log's contract on PostgreSQL (127.0.0.1:5432, database {@code test}), in a schema of this class's own;
 * several nodes share it, each with its own writer and gate.
 */
class PostgresContentLogTest extends ContentLogContract {
    private static final String SERVER = System.getProperty("ponte.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test");
    private final String schema = "log_contract_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

    @Override
    Database openDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, "postgres", "")) {
            c.createStatement().execute("create schema " + schema);
        }
        return Database.at(SERVER + "?currentSchema=" + schema, "postgres", "");
    }

    @Override
    boolean severalNodes() {
        return true;
    }

    @AfterAll
    void dropSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, "postgres", "")) {
            c.createStatement().execute("drop schema if exists " + schema + " cascade");
        }
    }
}

package ponte.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** A migrated, pooled database: H2 in a file under the data directory, or a PostgreSQL URL. */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final boolean postgres;
    /** The connection of the transaction {@link JdbcTransactions} holds open on each thread, if it holds one. */
    private final ThreadLocal<java.sql.Connection> ambient = new ThreadLocal<>();

    private Database(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(16);
        config.setPoolName("ponte");
        this.dataSource = new HikariDataSource(config);
        this.postgres = url.startsWith("jdbc:postgresql:");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    /**
     * H2 embedded. WRITE_DELAY=0 makes every commit reach the file before the commit returns: measured here, the
     * default delay lost thousands of acknowledged rows to kill -9. H2 does not fsync,
     * so power-loss durability is PostgreSQL's job.
     */
    public static Database embedded(Path dataDir) {
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("ponte")
                + ";WRITE_DELAY=0;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        return new Database(url, "sa", "");
    }

    public static Database at(String jdbcUrl, String user, String password) {
        return new Database(jdbcUrl, user, password);
    }

    /** Whether the database answers a trivial query within two seconds (readiness). */
    public boolean answers() {
        try (var c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    ThreadLocal<java.sql.Connection> ambient() {
        return ambient;
    }

    public boolean isPostgres() {
        return postgres;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}

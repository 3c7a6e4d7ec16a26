package ponte.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** A migrated, pooled database: H2 in a file under the data directory, or a PostgreSQL URL. */
public final class Database implements AutoCloseable {
    /** org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1; H2 is a runtime dependency only, so the number stands here. */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private final HikariDataSource dataSource;
    private final boolean postgres;
    private final Probe probe;
    /** The connection of the transaction {@link JdbcTransactions} holds open on each thread, if it holds one. */
    private final ThreadLocal<java.sql.Connection> ambient = new ThreadLocal<>();

    private Database(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(16);
        // Connections are opened as load asks for them, not sixteen at every start: a node that mostly idles holds
        // two of the server's connections, and a cluster of nodes stays well inside PostgreSQL's max_connections.
        config.setMinimumIdle(2);
        config.setPoolName("ponte");
        this.dataSource = new HikariDataSource(config);
        this.postgres = url.startsWith("jdbc:postgresql:");
        this.probe = new Probe(dataSource, Duration.ofSeconds(2));
        // Features are built on parallel branches, each numbering its migrations in its own range (V14.x, V15.x, ...):
        // a database that already has a later feature's tables still takes an earlier range that lands after it.
        // H2 writes its file at every commit (WRITE_DELAY=0, below), and a fresh database's migrations are hundreds of
        // commits; they may gather instead: a crash midway leaves the file as of an earlier migration, which Flyway
        // carries on from at the next start. Every commit after the migrations reaches the file again.
        if (!postgres) {
            execute("SET WRITE_DELAY 500");
        }
        // db/h2 holds what only the embedded database needs (a setting of H2's own); both share db/migration.
        String[] locations = postgres ? new String[] {"classpath:db/migration"} : new String[] {"classpath:db/migration", "classpath:db/h2"};
        Flyway.configure().dataSource(dataSource).locations(locations).outOfOrder(true).load().migrate();
        if (!postgres) {
            execute("SET WRITE_DELAY 0");
        }
    }

    /**
     * H2 embedded. WRITE_DELAY=0 makes every commit reach the file before the commit returns: measured here, the
     * default delay lost thousands of acknowledged rows to kill -9. H2 does not fsync,
     * so power-loss durability is PostgreSQL's job.
     *
     * <p>{@code async:} (H2's file system on {@code AsynchronousFileChannel}) rather than the default {@code file:}
     * ({@code FileChannel}), because an interrupted thread closes a {@code FileChannel} under every other thread, and
     * H2 then closes the store: measured here, four threads writing while interrupted every 0.2 ms broke a {@code file:}
     * store at once, and once in three runs a {@code retry:} store (which reopens the channel after the fact); an
     * {@code async:} store answered every query in every run, because an interrupt does not close an asynchronous
     * channel. Ponte's own loops are never interrupted ({@code ponte.core.Pacer}); this covers an interrupt from
     * elsewhere (a library, a server stopping). The files are the same, so a data directory moves between the two.
     * The price is a hand-off per file write to the channel's threads: single-row commits measured about 20 % slower
     * here (medians of eight alternating runs on a busy two-core machine: 6,300 against 7,900 a second); the log
     * writer's group commit spreads that over every change waiting.
     *
     * <p>{@code DB_CLOSE_ON_EXIT=FALSE}: whoever opened the database closes it ({@link #close()}), after stopping what
     * uses it. H2's own shutdown hook ran beside the node's and closed the database under loops still running, which
     * then logged "Database is already closed" on every clean stop. Every commit is in the file already
     * ({@code WRITE_DELAY=0}), so a process that ends without closing loses nothing.
     *
     * @throws DataDirectoryInUse when another process has the database open
     */
    public static Database embedded(Path dataDir) {
        String url = "jdbc:h2:async:" + dataDir.toAbsolutePath().resolve("ponte")
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try {
            return new Database(url, "sa", "");
        } catch (RuntimeException e) {
            if (heldByAnotherProcess(e)) {
                throw new DataDirectoryInUse(dataDir, e);
            }
            throw e;
        }
    }

    /** H2's "Database may be already in use" (error 90020): another process holds the file's lock. */
    private static boolean heldByAnotherProcess(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }

    public static Database at(String jdbcUrl, String user, String password) {
        return new Database(jdbcUrl, user, password);
    }

    private void execute(String sql) {
        try (var c = dataSource.getConnection(); var st = c.createStatement()) {
            st.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the database answers a real query on the content log within two seconds (readiness). */
    public boolean answers() {
        return probe.answers();
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

package ponte.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** A migrated, pooled database: H2 in a file under the data directory, or a PostgreSQL URL. */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final boolean postgres;
    private final Probe probe;

    private Database(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(16);
        config.setPoolName("ponte");
        this.dataSource = new HikariDataSource(config);
        this.postgres = url.startsWith("jdbc:postgresql:");
        this.probe = new Probe(dataSource, Duration.ofSeconds(2));
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
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
     */
    public static Database embedded(Path dataDir) {
        String url = "jdbc:h2:async:" + dataDir.toAbsolutePath().resolve("ponte")
                + ";WRITE_DELAY=0;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        return new Database(url, "sa", "");
    }

    public static Database at(String jdbcUrl, String user, String password) {
        return new Database(jdbcUrl, user, password);
    }

    /** Whether the database answers a real query on the content log within two seconds (readiness). */
    public boolean answers() {
        return probe.answers();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public boolean isPostgres() {
        return postgres;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}

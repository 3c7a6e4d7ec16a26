package ponte.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Whether the database answers a real query now: readiness. A pool's connection check is not enough: an embedded
 * store closed under the pool (an interrupted file channel) kept passing {@code Connection.isValid}, so {@code /ready}
 * said 200 while every request failed. The probe reads the content log's head, through the pool, as a request would.
 *
 * <p>Bounded twice: the query has a timeout, and the caller waits at most the bound for the whole probe (taking a
 * connection from an exhausted or hung pool included). A probe still running is never interrupted (it may be inside
 * the database: see {@code ponte.core.Pacer}) and never doubled: the next question waits on the same probe.
 */
final class Probe {
    private static final String QUERY = "select max(seq) from content_log";

    private final DataSource dataSource;
    private final Duration bound;
    private CompletableFuture<Boolean> running = CompletableFuture.completedFuture(true);

    Probe(DataSource dataSource, Duration bound) {
        this.dataSource = dataSource;
        this.bound = bound;
    }

    boolean answers() {
        CompletableFuture<Boolean> probe = probe();
        try {
            return probe.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized CompletableFuture<Boolean> probe() {
        if (running.isDone()) {
            running = new CompletableFuture<>();
            CompletableFuture<Boolean> started = running;
            Thread.ofVirtual().name("ponte-database-probe").start(() -> started.complete(query()));
        }
        return running;
    }

    private boolean query() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout((int) Math.max(1, bound.toSeconds()));
            try (ResultSet rs = s.executeQuery(QUERY)) {
                return rs.next();
            }
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}

package ponte.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ponte.core.Pacer;
import ponte.core.log.ContentLog;
import ponte.core.log.Cursor;
import ponte.core.log.LogEntry;
import ponte.core.log.Tail;

/**
 * Every node's view of the log on PostgreSQL without Kafka. After each group of entries commits, the node that wrote
 * it sends a NOTIFY ({@link #announce}); each node LISTENs and hands its tail what was committed after the last entry
 * it handed on, read from the log in sequence order, so entries appended on any node wake this node's pushers, streams
 * and index within milliseconds. A notification carries nothing but the wake-up; one missed while the connection was
 * down is made up by reading again every few seconds anyway.
 */
public final class PostgresTail implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresTail.class);
    static final String CHANNEL = "ponte_log";
    private static final int BATCH = 500;
    private static final int WAIT_MS = 1000;
    private static final int READ_ANYWAY_EVERY = 5; // waits without a notification

    private final Database db;
    private final ContentLog log;
    private final Tail tail;
    private final Thread thread;
    private final Pacer pacer = new Pacer();
    private long after;

    public PostgresTail(Database db, ContentLog log, Tail tail) {
        if (!db.isPostgres()) {
            throw new IllegalArgumentException("LISTEN/NOTIFY is PostgreSQL's");
        }
        this.db = db;
        this.log = log;
        this.tail = tail;
        this.after = log.head().seq(); // from where the log ended when the node started, as the Kafka tail does
        this.thread = Thread.ofPlatform().name("ponte-pg-tail").daemon().start(this::run);
    }

    /**
     * Wakes every node's tail, this one's included: entries were committed. Called by the log writer after its commit;
     * a lost notification costs a few seconds' delay, not an entry, so a failure here is only logged.
     */
    public void announce(List<LogEntry> committed) {
        try {
            new Jdbc(db).query("select pg_notify('" + CHANNEL + "', ?)", rs -> 1,
                    Long.toString(committed.getLast().cursor().seq()));
        } catch (RuntimeException e) {
            LOG.warn("could not announce new log entries: {}", e.getMessage());
        }
    }

    private void run() {
        while (pacer.running()) {
            try (Connection c = db.dataSource().getConnection()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("listen " + CHANNEL);
                }
                PGConnection listening = c.unwrap(PGConnection.class);
                catchUp(); // what was committed while not listening
                int quiet = 0;
                while (pacer.running()) {
                    boolean notified = listening.getNotifications(WAIT_MS).length > 0;
                    if (notified || ++quiet >= READ_ANYWAY_EVERY) {
                        quiet = 0;
                        catchUp();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!pacer.running()) {
                    return;
                }
                LOG.warn("listening for log entries failed; retrying in a second: {}", e.getMessage());
                pacer.pause(Duration.ofSeconds(1));
            }
        }
    }

    private void catchUp() {
        List<LogEntry> batch;
        do {
            batch = log.since(new Cursor(after), BATCH);
            if (!batch.isEmpty()) {
                tail.committed(batch);
                after = batch.getLast().cursor().seq();
            }
        } while (batch.size() == BATCH && pacer.running());
    }

    @Override
    public void close() {
        pacer.stopAndJoin(thread, Duration.ofMillis(WAIT_MS * 3L));
    }
}

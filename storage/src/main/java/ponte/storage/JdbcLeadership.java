package ponte.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import ponte.core.log.Leadership;

/**
 * Leadership by PostgreSQL session-level advisory lock (keyed by role and schema): the node whose session holds the lock leads; if it dies, the
 * server drops its session and the lock with it, and the next node to ask takes over. Embedded H2 is one process, so
 * there it always leads.
 */
public final class JdbcLeadership implements Leadership, AutoCloseable {
    private final DataSource dataSource;
    private final boolean postgres;
    private final Map<String, Connection> held = new HashMap<>();

    public JdbcLeadership(Database db) {
        this.dataSource = db.dataSource();
        this.postgres = db.isPostgres();
    }

    @Override
    public synchronized boolean lead(String role) {
        if (!postgres) {
            return true;
        }
        try {
            Connection mine = held.get(role);
            if (mine != null) {
                if (mine.isValid(2)) {
                    return true;
                }
                held.remove(role);
                closeQuietly(mine);
            }
            Connection c = dataSource.getConnection();
            boolean got = Jdbc.query(c, "select pg_try_advisory_lock(hashtext(? || current_schema()))", rs -> rs.getBoolean(1), "ponte:" + role + ":").getFirst();
            if (got) {
                held.put(role, c);
            } else {
                c.close();
            }
            return got;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Gives up every lead: the pooled sessions outlive this object, so the locks are released explicitly. */
    @Override
    public synchronized void close() {
        held.forEach((role, c) -> {
            try {
                Jdbc.query(c, "select pg_advisory_unlock(hashtext(? || current_schema()))", rs -> 1, "ponte:" + role + ":");
            } catch (SQLException ignored) {
                // a broken session has dropped the lock already
            }
            closeQuietly(c);
        });
        held.clear();
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the session is gone either way, and the lock with it
        }
    }
}

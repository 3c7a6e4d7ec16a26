package ponte.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import ponte.core.audit.Transactions;

/**
 * One transaction around several stores' writes: it holds a connection open for the calling thread, which every
 * store's {@link Jdbc} joins, and commits when the work returns (rolls back when it throws). A change and its audit
 * entry are made this way, so neither is kept without the other. Work inside must stay on the calling thread and
 * must not wait for another thread's writes (the log writer's): it would wait on its own locks.
 */
public final class JdbcTransactions implements Transactions {
    private final Database db;

    public JdbcTransactions(Database db) {
        this.db = db;
    }

    @Override
    public <T> T atomically(Supplier<T> work) {
        ThreadLocal<Connection> ambient = db.ambient();
        if (ambient.get() != null) {
            return work.get(); // nested: part of the transaction already open
        }
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            ambient.set(c);
            try {
                T result = work.get();
                c.commit();
                return result;
            } catch (RuntimeException | Error e) {
                rollback(c, e);
                throw e;
            } finally {
                ambient.remove();
            }
        } catch (SQLException e) {
            throw new StorageFailure(e);
        }
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}

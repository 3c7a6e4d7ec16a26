package ponte.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The little JDBC this module needs: parameter binding, row mapping, transactions. A transaction joins the one
 * {@link JdbcTransactions} opened on the calling thread, if any, so the stores' writes inside it commit together.
 */
final class Jdbc {
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;
    private final ThreadLocal<Connection> ambient;

    Jdbc(Database db) {
        this.dataSource = db.dataSource();
        this.ambient = db.ambient();
    }

    <T> T transaction(Work<T> work) {
        Connection joined = ambient.get();
        if (joined != null) {
            try {
                return work.run(joined); // committed, or rolled back, by whoever opened it
            } catch (SQLException e) {
                throw new StorageFailure(e);
            }
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageFailure(e);
        }
    }

    /** Whether the calling thread is inside a transaction {@link JdbcTransactions} opened (not committed yet). */
    boolean inTransaction() {
        return ambient.get() != null;
    }

    <T> List<T> query(String sql, Row<T> row, Object... params) {
        return transaction(c -> query(c, sql, row, params));
    }

    <T> Optional<T> one(String sql, Row<T> row, Object... params) {
        return query(sql, row, params).stream().findFirst();
    }

    int update(String sql, Object... params) {
        return transaction(c -> update(c, sql, params));
    }

    static <T> List<T> query(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.map(rs));
                }
                return out;
            }
        }
    }

    /** Values per "in" list: well under every driver's limit of bound parameters. */
    static final int IN_CHUNK = 500;

    /**
     * A query whose {@code %s} is an "in" list of {@code values}, asked in chunks of {@link #IN_CHUNK}, after the
     * parameters {@code before}; the rows of every chunk.
     */
    <T> List<T> queryIn(String sql, List<?> values, Row<T> row, Object... before) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i += IN_CHUNK) {
            List<?> chunk = values.subList(i, Math.min(values.size(), i + IN_CHUNK));
            List<Object> params = new ArrayList<>(List.of(before));
            params.addAll(chunk);
            out.addAll(query(sql.formatted(String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"))), row, params.toArray()));
        }
        return out;
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant t) {
                ps.setObject(i + 1, t.atOffset(ZoneOffset.UTC));
            } else if (p instanceof Optional<?> o) {
                bind1(ps, i + 1, o.orElse(null));
            } else {
                bind1(ps, i + 1, p);
            }
        }
    }

    private static void bind1(PreparedStatement ps, int index, Object p) throws SQLException {
        if (p instanceof Instant t) {
            ps.setObject(index, t.atOffset(ZoneOffset.UTC));
        } else {
            ps.setObject(index, p);
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Optional<Instant> maybeInstant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(instant(rs, column));
    }
}

package ponte.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import ponte.core.NotFound;
import ponte.core.delivery.Endpoint;
import ponte.core.delivery.EndpointFilter;
import ponte.core.delivery.EndpointId;
import ponte.core.delivery.EndpointState;
import ponte.core.delivery.Endpoints;
import ponte.core.delivery.Format;
import ponte.core.delivery.Progress;
import ponte.core.delivery.Secret;
import ponte.core.delivery.Secrets;
import ponte.core.log.Cursor;
import ponte.core.orgs.OrgId;
import ponte.core.products.ProductId;

/** Endpoints and their cursors. */
public final class JdbcEndpoints implements Endpoints {
    private final Jdbc jdbc;

    public JdbcEndpoints(Database db) {
        this.jdbc = new Jdbc(db);
    }

    @Override
    public void create(Endpoint e, Cursor start) {
        jdbc.transaction(c -> {
            Jdbc.update(c, """
                    insert into endpoints (id, org_id, url, format, filter_languages, filter_products, filter_subjects, secret,
                                           previous_secret, previous_until, state, reason, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    e.id().value(), e.org().value(), e.url(), e.format().wire(), Words.join(e.filter().languages(), Function.identity()),
                    Words.join(e.filter().products(), ProductId::value), lines(e.filter().subjects()), e.secrets().current().value(),
                    e.secrets().previous().map(Secret::value), e.secrets().previousUntil(), e.state().wire(), e.reason(), e.createdAt());
            Jdbc.update(c, "insert into endpoint_cursors (endpoint_id, seq, epoch, pending_attempts) values (?, ?, 0, 0)",
                    e.id().value(), start.seq());
            return null;
        });
    }

    @Override
    public Optional<Endpoint> byId(EndpointId id) {
        return jdbc.one("select * from endpoints where id = ?", JdbcEndpoints::endpoint, id.value());
    }

    @Override
    public List<Endpoint> of(OrgId org) {
        return jdbc.query("select * from endpoints where org_id = ? order by created_at, id", JdbcEndpoints::endpoint, org.value());
    }

    @Override
    public List<Endpoint> all() {
        return jdbc.query("select * from endpoints", JdbcEndpoints::endpoint);
    }

    @Override
    public void update(Endpoint e) {
        int n = jdbc.update("""
                update endpoints set url = ?, format = ?, filter_languages = ?, filter_products = ?, filter_subjects = ?, secret = ?,
                                     previous_secret = ?, previous_until = ?, state = ?, reason = ?
                where id = ?""",
                e.url(), e.format().wire(), Words.join(e.filter().languages(), Function.identity()),
                Words.join(e.filter().products(), ProductId::value), lines(e.filter().subjects()), e.secrets().current().value(),
                e.secrets().previous().map(Secret::value), e.secrets().previousUntil(), e.state().wire(), e.reason(), e.id().value());
        if (n == 0) {
            throw new NotFound("no such endpoint");
        }
    }

    @Override
    public void delete(EndpointId id) {
        jdbc.update("delete from endpoints where id = ?", id.value());
    }

    @Override
    public Progress progress(EndpointId id) {
        return jdbc.one("select * from endpoint_cursors where endpoint_id = ?", JdbcEndpoints::progress, id.value())
                .orElseThrow(() -> new NotFound("no such endpoint"));
    }

    @Override
    public void moveTo(EndpointId id, Cursor cursor) {
        jdbc.update("""
                update endpoint_cursors set seq = ?, epoch = epoch + 1, pending_seq = null, pending_attempts = 0, next_attempt_at = null,
                                            failing_since = null
                where endpoint_id = ?""", cursor.seq(), id.value());
    }

    @Override
    public void skipTo(EndpointId id, long epoch, Cursor cursor) {
        jdbc.update("update endpoint_cursors set seq = ? where endpoint_id = ? and epoch = ? and pending_seq is null and seq < ?",
                cursor.seq(), id.value(), epoch, cursor.seq());
    }

    @Override
    public Map<EndpointId, Asked> asked() {
        return jdbc.query("""
                select c.endpoint_id, c.epoch,
                       exists (select 1 from dead_letters d where d.endpoint_id = c.endpoint_id and d.resend_requested) as resends
                from endpoint_cursors c""",
                rs -> Map.entry(new EndpointId(rs.getString(1)), new Asked(rs.getLong(2), rs.getBoolean(3))))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    static Progress progress(ResultSet rs) throws SQLException {
        long pending = rs.getLong("pending_seq");
        Optional<Progress.Pending> p = rs.wasNull() ? Optional.empty()
                : Optional.of(new Progress.Pending(new Cursor(pending), rs.getInt("pending_attempts"), Jdbc.instant(rs, "next_attempt_at")));
        return new Progress(new Cursor(rs.getLong("seq")), rs.getLong("epoch"), p, Jdbc.maybeInstant(rs, "failing_since"));
    }

    private static Endpoint endpoint(ResultSet rs) throws SQLException {
        Optional<Secret> previous = Optional.ofNullable(rs.getString("previous_secret")).map(Secret::new);
        Secrets secrets = new Secrets(new Secret(rs.getString("secret")), previous,
                previous.isPresent() ? Jdbc.maybeInstant(rs, "previous_until") : Optional.empty());
        EndpointFilter filter = new EndpointFilter(Words.split(rs.getString("filter_languages"), Function.identity()),
                Words.split(rs.getString("filter_products"), ProductId::new), unlines(rs.getString("filter_subjects")));
        return new Endpoint(new EndpointId(rs.getString("id")), new OrgId(rs.getString("org_id")), rs.getString("url"),
                Format.fromWire(rs.getString("format")), filter, secrets, EndpointState.fromWire(rs.getString("state")),
                Optional.ofNullable(rs.getString("reason")), Jdbc.instant(rs, "created_at"));
    }

    // Subjects may hold spaces (names), so they are kept one per line.
    private static String lines(Set<String> values) {
        return String.join("\n", new TreeSet<>(values));
    }

    private static Set<String> unlines(String text) {
        if (text == null || text.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(text.split("\n")).collect(Collectors.toUnmodifiableSet());
    }
}

package ponte.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ponte.core.access.KeyId;
import ponte.core.audit.Action;
import ponte.core.audit.Actor;
import ponte.core.audit.AuditEntry;
import ponte.core.audit.AuditTrail;
import ponte.core.orgs.OrgId;

/**
 * The audit trail in two tables: the entries, and which orgs each concerns. Append-only by construction: this class
 * (and the log writer's transaction, through {@link #insert}) only ever inserts and reads.
 */
public final class JdbcAuditTrail implements AuditTrail {
    private final Jdbc jdbc;

    public JdbcAuditTrail(Database db) {
        this.jdbc = new Jdbc(db);
    }

    @Override
    public void record(AuditEntry entry) {
        jdbc.transaction(c -> {
            insert(c, entry);
            return null;
        });
    }

    static final String INSERT_ENTRY = """
            insert into audit_trail (at, actor_kind, actor_org, actor_key, actor_user, address, action, target_type, target_id, summary)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    static final String CONCERN_COLUMNS = "org_id, seq";
    static final String INSERT_CONCERN = "insert into audit_concerns (" + CONCERN_COLUMNS + ") values (?, ?)";

    /** Writes an entry on this connection, in whatever transaction it is in. */
    static void insert(Connection c, AuditEntry e) throws SQLException {
        long seq;
        try (PreparedStatement ps = c.prepareStatement(INSERT_ENTRY, new String[] {"seq"})) {
            bind(ps, e);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                seq = keys.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_CONCERN)) {
            for (OrgId org : e.concerns()) {
                Jdbc.bind(ps, org.value(), seq);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The entry's columns, in the order {@link #INSERT_ENTRY} names them. */
    static void bind(PreparedStatement ps, AuditEntry e) throws SQLException {
        Actor a = e.actor();
        Jdbc.bind(ps, e.at(), a.kind().wire(), a.org().map(OrgId::value), a.key().map(KeyId::value), a.user(), a.address(),
                e.action().wire(), e.action().targetType(), e.target(), e.summary());
    }

    @Override
    public List<Recorded> read(Query q) {
        StringBuilder sql = new StringBuilder("select a.* from audit_trail a");
        List<Object> params = new ArrayList<>();
        if (q.concerning().isPresent()) {
            sql.append(" join audit_concerns c on c.seq = a.seq and c.org_id = ?");
            params.add(q.concerning().get().value());
        }
        sql.append(" where a.seq < ?");
        params.add(q.before().orElse(Long.MAX_VALUE));
        q.action().ifPresent(action -> {
            sql.append(" and a.action = ?");
            params.add(action.wire());
        });
        q.since().ifPresent(since -> {
            sql.append(" and a.at >= ?");
            params.add(since);
        });
        sql.append(" order by a.seq desc limit ?");
        params.add(q.limit());
        return jdbc.transaction(c -> withConcerns(c, Jdbc.query(c, sql.toString(), JdbcAuditTrail::recorded, params.toArray())));
    }

    /** The page's entries with the orgs each concerns, read in one query. */
    private static List<Recorded> withConcerns(Connection c, List<Recorded> page) throws SQLException {
        if (page.isEmpty()) {
            return page;
        }
        Map<Long, Set<OrgId>> concerns = new HashMap<>();
        String marks = String.join(", ", Collections.nCopies(page.size(), "?"));
        Jdbc.query(c, "select seq, org_id from audit_concerns where seq in (" + marks + ")",
                rs -> concerns.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(new OrgId(rs.getString(2))),
                page.stream().map(Recorded::position).toArray());
        List<Recorded> out = new ArrayList<>(page.size());
        for (Recorded r : page) {
            AuditEntry e = r.entry();
            out.add(new Recorded(r.position(), new AuditEntry(e.at(), e.actor(), e.action(), e.target(), e.summary(),
                    concerns.getOrDefault(r.position(), Set.of()))));
        }
        return out;
    }

    private static Recorded recorded(ResultSet rs) throws SQLException {
        Actor actor = new Actor(Actor.Kind.fromWire(rs.getString("actor_kind")), Optional.ofNullable(rs.getString("actor_org")).map(OrgId::new),
                Optional.ofNullable(rs.getString("actor_key")).map(KeyId::new), Optional.ofNullable(rs.getString("address")),
                Optional.ofNullable(rs.getString("actor_user")));
        AuditEntry entry = new AuditEntry(Jdbc.instant(rs, "at"), actor, Action.fromWire("/action", rs.getString("action")),
                rs.getString("target_id"), rs.getString("summary"), Set.of());
        return new Recorded(rs.getLong("seq"), entry);
    }
}

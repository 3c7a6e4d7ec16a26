package ponte.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ponte.core.ingest.Report;
import ponte.core.ingest.Source;
import ponte.core.ingest.SourceFormat;
import ponte.core.ingest.SourceStatus;
import ponte.core.ingest.Sources;
import ponte.core.orgs.OrgId;
import ponte.core.products.ProductId;

public final class JdbcSources implements Sources {
    private final Jdbc jdbc;

    public JdbcSources(Database db) {
        this.jdbc = new Jdbc(db);
    }

    @Override
    public void create(Source s) {
        jdbc.update("""
                insert into ingest_sources (id, org_id, url, format, interval_s, products, paused, created_at, state,
                                            polls, published, updated, killed, unchanged, failed)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0)""",
                s.id(), s.org().value(), s.url(), s.format().wire(), (int) s.interval().toSeconds(), Words.join(s.products(), ProductId::value),
                s.paused(), s.created(), SourceStatus.State.PENDING.name());
    }

    @Override
    public Optional<Source> byId(String id) {
        return jdbc.one("select * from ingest_sources where id = ?", JdbcSources::source, id);
    }

    @Override
    public List<Source> byOrg(OrgId org) {
        return jdbc.query("select * from ingest_sources where org_id = ? order by created_at, id", JdbcSources::source, org.value());
    }

    @Override
    public List<Source> all() {
        return jdbc.query("select * from ingest_sources order by created_at, id", JdbcSources::source);
    }

    @Override
    public void update(Source s) {
        jdbc.update("update ingest_sources set url = ?, format = ?, interval_s = ?, products = ?, paused = ? where id = ?",
                s.url(), s.format().wire(), (int) s.interval().toSeconds(), Words.join(s.products(), ProductId::value), s.paused(), s.id());
    }

    @Override
    public void delete(String id) {
        jdbc.transaction(c -> {
            Jdbc.update(c, "delete from ingest_problems where source_id = ?", id);
            Jdbc.update(c, "delete from ingest_seen where source_id = ?", id);
            return Jdbc.update(c, "delete from ingest_sources where id = ?", id);
        });
    }

    @Override
    public SourceStatus status(String id) {
        return jdbc.transaction(c -> {
            List<Report.Problem> problems = Jdbc.query(c, "select entry, detail from ingest_problems where source_id = ? order by position",
                    rs -> new Report.Problem(rs.getString(1), rs.getString(2)), id);
            return Jdbc.query(c, "select * from ingest_sources where id = ?", rs -> new SourceStatus(
                    SourceStatus.State.valueOf(rs.getString("state")), Jdbc.maybeInstant(rs, "last_polled_at"),
                    Jdbc.maybeInstant(rs, "last_success_at"), Optional.ofNullable(rs.getString("last_error")),
                    new SourceStatus.Counts(rs.getLong("polls"), rs.getLong("published"), rs.getLong("updated"), rs.getLong("killed"),
                            rs.getLong("unchanged"), rs.getLong("failed")),
                    problems, Optional.ofNullable(rs.getString("etag")), Optional.ofNullable(rs.getString("last_modified"))), id)
                    .stream().findFirst().orElseGet(SourceStatus::pending);
        });
    }

    @Override
    public void saveStatus(String id, SourceStatus s) {
        jdbc.transaction(c -> {
            SourceStatus.Counts n = s.counts();
            Jdbc.update(c, """
                    update ingest_sources set state = ?, last_polled_at = ?, last_success_at = ?, last_error = ?, etag = ?, last_modified = ?,
                           polls = ?, published = ?, updated = ?, killed = ?, unchanged = ?, failed = ? where id = ?""",
                    s.state().name(), s.lastPolledAt(), s.lastSuccessAt(), s.lastError().map(e -> clip(e, 2000)), s.etag().map(e -> clip(e, 1000)),
                    s.lastModified().map(e -> clip(e, 200)), n.polls(), n.published(), n.updated(), n.killed(), n.unchanged(), n.failed(), id);
            Jdbc.update(c, "delete from ingest_problems where source_id = ?", id);
            try (PreparedStatement ps = c.prepareStatement("insert into ingest_problems (source_id, position, entry, detail) values (?, ?, ?, ?)")) {
                for (int i = 0; i < s.problems().size(); i++) {
                    Report.Problem p = s.problems().get(i);
                    Jdbc.bind(ps, id, i, clip(p.entry(), 2000), clip(p.detail(), 4000));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Map<String, Optional<Instant>> seen(String id) {
        Map<String, Optional<Instant>> out = new LinkedHashMap<>();
        jdbc.query("select uri, updated_at from ingest_seen where source_id = ?", rs -> out.put(rs.getString(1), Jdbc.maybeInstant(rs, "updated_at")), id);
        return out;
    }

    @Override
    public void saveSeen(String id, Map<String, Optional<Instant>> entries) {
        jdbc.transaction(c -> {
            Jdbc.update(c, "delete from ingest_seen where source_id = ?", id);
            insertSeen(c, id, entries);
            return null;
        });
    }

    private static void insertSeen(Connection c, String id, Map<String, Optional<Instant>> entries) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into ingest_seen (source_id, uri, updated_at) values (?, ?, ?)")) {
            for (Map.Entry<String, Optional<Instant>> e : entries.entrySet()) {
                if (e.getKey().length() <= 2000) {
                    Jdbc.bind(ps, id, e.getKey(), e.getValue());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static Source source(ResultSet rs) throws SQLException {
        return new Source(rs.getString("id"), new OrgId(rs.getString("org_id")), rs.getString("url"),
                SourceFormat.fromWire("/format", rs.getString("format")), Duration.ofSeconds(rs.getInt("interval_s")),
                Words.split(rs.getString("products"), ProductId::new), rs.getBoolean("paused"), Jdbc.instant(rs, "created_at"));
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}

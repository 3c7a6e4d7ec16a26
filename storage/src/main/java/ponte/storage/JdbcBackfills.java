package ponte.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import ponte.core.ingest.Backfill;
import ponte.core.ingest.Backfills;
import ponte.core.orgs.OrgId;
import ponte.core.products.ProductId;

/** Streamed imports and their checkpoints, a row each, keyed by org and the client's id. */
public final class JdbcBackfills implements Backfills {
    private final Jdbc jdbc;

    public JdbcBackfills(Database db) {
        this.jdbc = new Jdbc(db);
    }

    @Override
    public Optional<Backfill> byId(OrgId org, String id) {
        return jdbc.one("select * from imports where org_id = ? and id = ?", JdbcBackfills::backfill, org.value(), id);
    }

    @Override
    public void save(Backfill b) {
        Backfill.Counts c = b.counts();
        // One run of an import at a time (Backfilling keeps them apart), so an update, else an insert, is enough.
        jdbc.transaction(conn -> {
            int changed = Jdbc.update(conn, """
                    update imports set line = ?, published = ?, updated = ?, killed = ?, unchanged = ?, failed = ?, runs = ?, updated_at = ?
                    where org_id = ? and id = ?""",
                    b.line(), c.published(), c.updated(), c.killed(), c.unchanged(), c.failed(), b.runs(), b.updated(), b.org().value(), b.id());
            if (changed == 0) {
                Jdbc.update(conn, """
                        insert into imports (org_id, id, products, line, published, updated, killed, unchanged, failed, runs, started_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        b.org().value(), b.id(), Words.join(b.products(), ProductId::value), b.line(), c.published(), c.updated(), c.killed(),
                        c.unchanged(), c.failed(), b.runs(), b.started(), b.updated());
            }
            return null;
        });
    }

    private static Backfill backfill(ResultSet rs) throws SQLException {
        return new Backfill(rs.getString("id"), new OrgId(rs.getString("org_id")), Words.split(rs.getString("products"), ProductId::new),
                rs.getLong("line"), new Backfill.Counts(rs.getLong("published"), rs.getLong("updated"), rs.getLong("killed"),
                        rs.getLong("unchanged"), rs.getLong("failed")), rs.getInt("runs"), Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "updated_at"));
    }
}

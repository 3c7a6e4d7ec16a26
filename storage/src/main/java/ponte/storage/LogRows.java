package ponte.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ponte.core.access.KeyId;
import ponte.core.audit.AuditEntry;
import ponte.core.items.Item;
import ponte.core.items.Version;
import ponte.core.licensing.Route;
import ponte.core.log.Appended;
import ponte.core.orgs.OrgId;

/**
 * The rows a group of log entries writes, kept per table and written as one JDBC batch per table: a group of 256
 * publishes is eight statements, not two thousand (measured: per-row statements were most of the log writer's time).
 * Tables are written parents first, so every foreign key finds its row. A change refused after it added rows is
 * taken out again by {@link #truncate(Mark)}.
 */
final class LogRows {
    private static final String ITEMS = "insert into items (id, uri, latest_version, first_created, killed) values (?, ?, ?, ?, ?)";
    private static final String OWNERS = "insert into item_owners (item_id, org_id) values (?, ?)";
    private static final String ITEM_UPDATES = "update items set latest_version = ?, killed = ? where id = ?";
    private static final String LOG = "insert into content_log (seq, item_id, version, event, appended_at) values (?, ?, ?, ?, ?)";
    private static final String ROUTES = "insert into routes (org_id, seq, item_id, event, licensor_id) values (?, ?, ?, ?, ?)";

    /** How many rows each table held at a change's start. */
    record Mark(int[] sizes) {}

    // In the order they are written.
    private final List<Object[]> items = new ArrayList<>();
    private final List<Object[]> owners = new ArrayList<>();
    private final List<Object[]> itemUpdates = new ArrayList<>();
    private final List<Object[]> versions = new ArrayList<>();
    private final List<Object[]> log = new ArrayList<>();
    private final List<Object[]> routes = new ArrayList<>();
    private final List<AuditEntry> audits = new ArrayList<>();

    void insertItem(Item item) {
        items.add(new Object[] {item.id().value(), item.uri(), item.latestVersion(), item.firstCreated(), item.killed()});
        for (OrgId owner : item.owners()) {
            owners.add(new Object[] {item.id().value(), owner.value()});
        }
    }

    void updateItem(Item item) {
        itemUpdates.add(new Object[] {item.latestVersion(), item.killed(), item.id().value()});
    }

    void insertVersion(Version v, Optional<KeyId> key) {
        versions.add(ItemRows.versionRow(v, key));
    }

    void append(Appended entry) {
        long seq = entry.cursor().seq();
        String item = entry.revision().item().id().value();
        log.add(new Object[] {seq, item, entry.revision().version().number(), entry.revision().event().wire(), entry.at()});
        for (Route r : entry.revision().routes()) {
            routes.add(new Object[] {r.partner().value(), seq, item, r.event().wire(), entry.revision().licensorFor(r.partner()).map(OrgId::value)});
        }
    }

    void audit(AuditEntry entry) {
        audits.add(entry);
    }

    boolean isEmpty() {
        return java.util.Arrays.stream(mark().sizes()).allMatch(size -> size == 0);
    }

    Mark mark() {
        return new Mark(new int[] {items.size(), owners.size(), itemUpdates.size(), versions.size(), log.size(), routes.size(), audits.size()});
    }

    /** Whether rows were added since {@code mark}. */
    boolean addedSince(Mark mark) {
        return !java.util.Arrays.equals(mark().sizes(), mark.sizes());
    }

    /** Takes out every row added since {@code mark}. */
    void truncate(Mark mark) {
        int[] s = mark.sizes();
        cut(items, s[0]);
        cut(owners, s[1]);
        cut(itemUpdates, s[2]);
        cut(versions, s[3]);
        cut(log, s[4]);
        cut(routes, s[5]);
        cut(audits, s[6]);
    }

    private static void cut(List<?> rows, int size) {
        rows.subList(Math.min(size, rows.size()), rows.size()).clear();
    }

    /**
     * Writes every row kept, one batch per table, and forgets them, written or not: rows the database refused are the
     * writer's to redo (in their change's savepoint, or the whole group), never to be tried again with the next rows.
     */
    void write(Connection c) throws SQLException {
        try {
            batch(c, ITEMS, items);
            batch(c, OWNERS, owners);
            batch(c, ITEM_UPDATES, itemUpdates);
            batch(c, ItemRows.INSERT_VERSION, versions);
            batch(c, LOG, log);
            batch(c, ROUTES, routes);
            writeAudits(c);
        } finally {
            truncate(new Mark(new int[7]));
        }
    }

    private static void batch(Connection c, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                Jdbc.bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The entries, then which orgs each concerns, keyed by the positions the database gave the entries. */
    private void writeAudits(Connection c) throws SQLException {
        if (audits.isEmpty()) {
            return;
        }
        List<Long> positions = new ArrayList<>(audits.size());
        try (PreparedStatement ps = c.prepareStatement(JdbcAuditTrail.INSERT_ENTRY, new String[] {"seq"})) {
            for (AuditEntry e : audits) {
                JdbcAuditTrail.bind(ps, e);
                ps.addBatch();
            }
            ps.executeBatch();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                while (keys.next()) {
                    positions.add(keys.getLong(1));
                }
            }
        }
        if (positions.size() != audits.size()) {
            // Never guess which entry a position belongs to: the writer redoes the group one statement at a time.
            throw new SQLException(audits.size() + " audit entries written, " + positions.size() + " positions returned");
        }
        List<Object[]> concerns = new ArrayList<>();
        for (int i = 0; i < audits.size(); i++) {
            for (OrgId org : audits.get(i).concerns()) {
                concerns.add(new Object[] {org.value(), positions.get(i)});
            }
        }
        batch(c, JdbcAuditTrail.INSERT_CONCERN, concerns);
    }
}

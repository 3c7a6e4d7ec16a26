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
 * The rows a group of log entries writes, kept per table and written as one statement per table: a group of 256
 * publishes is eight statements, not two thousand (measured: per-row statements were most of the log writer's time).
 * On PostgreSQL a table's rows go in by {@code COPY} once there are {@link #COPY_FROM} of them ({@link CopyRows}),
 * otherwise, and always on H2, as one JDBC batch. Tables are written parents first, so every foreign key finds its
 * row. A change refused after it added rows is taken out again by {@link #truncate(Mark)}.
 */
final class LogRows {
    /**
     * Rows from which a table is copied rather than batched. A JDBC batch is one execution per row on the server (bind,
     * plan from the cache, executor start and end); COPY is one statement for all of them but starts with a round trip
     * of its own. Measured (bench's LogRowsOnPostgres, the server's CPU per item, docs/benchmarks.md): COPY saves 10 %
     * at groups of 64 items and 20 % at 128 and 256, but costs as much or more below 32 (up to 20 % more at 4).
     */
    static final int COPY_FROM = 64;

    /** A table the log writer fills, the columns it writes in the order its rows hold them, and its insert made once. */
    private record Table(String name, String columns, String insert) {
        Table(String name, String columns) {
            this(name, columns, "insert into " + name + " (" + columns + ") values (" + "?, ".repeat(columns.split(",").length - 1) + "?)");
        }
    }

    private static final Table ITEMS = new Table("items", "id, uri, latest_version, first_created, killed");
    private static final Table OWNERS = new Table("item_owners", "item_id, org_id");
    private static final String ITEM_UPDATES = "update items set latest_version = ?, killed = ? where id = ?";
    private static final Table VERSIONS = new Table("versions", ItemRows.VERSION_COLUMNS);
    private static final Table LOG = new Table("content_log", "seq, item_id, version, event, appended_at");
    private static final Table ROUTES = new Table("routes", "org_id, seq, item_id, event, licensor_id");
    private static final Table CONCERNS = new Table("audit_concerns", JdbcAuditTrail.CONCERN_COLUMNS);

    private final boolean copy;

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

    /** {@code copy}: large tables of a group go in by COPY (PostgreSQL only). */
    LogRows(boolean copy) {
        this.copy = copy;
    }

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
            insert(c, ITEMS, items);
            insert(c, OWNERS, owners);
            batch(c, ITEM_UPDATES, itemUpdates);
            insert(c, VERSIONS, versions);
            insert(c, LOG, log);
            insert(c, ROUTES, routes);
            writeAudits(c);
        } finally {
            truncate(new Mark(new int[7]));
        }
    }

    private void insert(Connection c, Table table, List<Object[]> rows) throws SQLException {
        if (copy && rows.size() >= COPY_FROM) {
            CopyRows.copy(c, table.name(), table.columns(), rows);
        } else {
            batch(c, table.insert(), rows);
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
        insert(c, CONCERNS, concerns);
    }
}

package ponte.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ponte.core.orgs.OrgId;

/**
 * A counter of changes to what the entitlement gate reads (orgs, outlets, agreements), committed with each change.
 * Nodes compare it with the version their snapshot was built from ({@link NetworkFreshness}); on several nodes this is
 * how a licence approved on one node reaches the routing of another.
 */
final class NetworkVersion {
    private NetworkVersion() {}

    static long read(Connection c) throws SQLException {
        return Jdbc.query(c, "select version from network_version where id = 1", rs -> rs.getLong(1)).getFirst();
    }

    /** How many versions' changes are kept: a node further behind than this rebuilds its snapshot whole. */
    static final int CHANGES_KEPT = 1_000;

    /** A change that did not say what it concerns: a node catching up rebuilds its snapshot whole. */
    static void bump(Connection c) throws SQLException {
        Jdbc.update(c, "update network_version set version = version + 1 where id = 1");
    }

    /** A change that concerns these orgs' licences or territories (none: co-productions only). */
    static void bump(Connection c, Set<OrgId> concerned) throws SQLException {
        bump(c);
        long version = read(c);
        if (concerned.isEmpty()) {
            Jdbc.update(c, "insert into network_changes (version, org_id) values (?, null)", version);
        }
        for (OrgId org : concerned) {
            Jdbc.update(c, "insert into network_changes (version, org_id) values (?, ?)", version, org.value());
        }
        Jdbc.update(c, "delete from network_changes where version <= ?", version - CHANGES_KEPT);
    }

    /**
     * The orgs the changes after version {@code from} up to {@code to} concern, or empty if a version in between did
     * not say (or is no longer kept): then only a whole refresh is sure to catch up.
     */
    static Optional<Set<OrgId>> concernedBetween(Connection c, long from, long to) throws SQLException {
        record Row(long version, String org) {}
        List<Row> rows = Jdbc.query(c, "select version, org_id from network_changes where version > ? and version <= ?",
                rs -> new Row(rs.getLong(1), rs.getString(2)), from, to);
        Set<Long> versions = new HashSet<>();
        Set<OrgId> orgs = new HashSet<>();
        for (Row row : rows) {
            versions.add(row.version());
            if (row.org() != null) {
                orgs.add(new OrgId(row.org()));
            }
        }
        return versions.size() == to - from ? Optional.of(orgs) : Optional.empty();
    }
}

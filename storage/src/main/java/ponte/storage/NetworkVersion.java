package ponte.storage;

import java.sql.Connection;
import java.sql.SQLException;

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

    static void bump(Connection c) throws SQLException {
        Jdbc.update(c, "update network_version set version = version + 1 where id = 1");
    }
}

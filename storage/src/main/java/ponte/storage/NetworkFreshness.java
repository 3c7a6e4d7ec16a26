package ponte.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Consumer;
import ponte.core.orgs.OrgId;

/**
 * The one owner of "is this node's entitlement snapshot new enough": it remembers the network version the snapshot was
 * last refreshed for, and refreshes it when a newer version is read. Three places read the version, each where it
 * matters: the log's writer inside its transaction before routing a group (a licence approved on another node a moment
 * ago must count at once), the routed-to reader after each page on PostgreSQL (the gate must judge a page with a
 * network at least as new as the one its entries were routed under, or the page's cursor would move past entries the
 * partner is entitled to, for good), and {@link #catchUp()} once a second for every other read path. It refreshes by
 * what the versions in between changed ({@link NetworkVersion#concernedBetween}): only those orgs' part of the
 * snapshot, whole only when a version did not say.
 */
public final class NetworkFreshness {
    private final Jdbc jdbc;
    private final Consumer<Set<OrgId>> refreshConcerning;
    private final Runnable refresh;
    private final Object refreshing = new Object();
    private volatile long judged;

    /**
     * @param refresh rebuilds the entitlement snapshot from the database. The snapshot is taken to be at least as new
     *     as the network is now: build the gate first.
     */
    public NetworkFreshness(Database db, Runnable refresh) {
        this(db, orgs -> refresh.run(), refresh);
    }

    /**
     * @param refreshConcerning refreshes the part of the snapshot these orgs' licences and territories make (and the
     *     co-productions'), as {@code Entitlements.refresh(Set)}
     * @param refresh rebuilds the snapshot whole, as above
     */
    public NetworkFreshness(Database db, Consumer<Set<OrgId>> refreshConcerning, Runnable refresh) {
        this.jdbc = new Jdbc(db);
        this.refreshConcerning = refreshConcerning;
        this.refresh = refresh;
        this.judged = current();
    }

    /** Orgs, outlets or agreements may have changed on another node: refresh if they did. */
    public void catchUp() {
        judge(current());
    }

    /** As {@link #catchUp()}, reading the version in the caller's transaction. */
    void judgeAt(Connection c) throws SQLException {
        judge(NetworkVersion.read(c));
    }

    /** Makes the snapshot at least as new as this network version. */
    void judge(long version) {
        if (version <= judged) {
            return;
        }
        synchronized (refreshing) {
            if (version > judged) {
                long from = judged;
                jdbc.transaction(c -> NetworkVersion.concernedBetween(c, from, version))
                        .ifPresentOrElse(refreshConcerning, refresh);
                judged = version;
            }
        }
    }

    private long current() {
        return jdbc.one("select version from network_version where id = 1", rs -> rs.getLong(1)).orElse(0L);
    }
}

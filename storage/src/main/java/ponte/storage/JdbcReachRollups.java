package ponte.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ponte.core.reach.ReachRollups;
import ponte.storage.ReachGroups.Route;

/**
 * The folder of reach_routes and reach_usage. One fold is one transaction that holds the folder's cursor row, so
 * counts and cursor move together (a crash neither counts twice nor loses counts) and two nodes fold one after the
 * other. A route counts as read when its partner's feed served past it ({@code reach_feed_folded}, as far as folded)
 * or the partner fetched or downloaded its version ({@code reach_version_reads}); each step keeps that true:
 * <ol>
 *   <li>a feed cursor that moved on makes the folded routes it passed read, unless a fetch already did;</li>
 *   <li>a version fetched for the first time makes its folded route read, unless the feed already did;</li>
 *   <li>the next entries' routes are counted, read or not by both of the above;</li>
 *   <li>usage reports stored before reach_usage existed are folded; once none is left, the row 'reports' in reach_folds
 *   says so, and neither the folder nor the question looks for them again.</li>
 * </ol>
 */
public final class JdbcReachRollups implements ReachRollups {
    /** Log entries per fold: a few thousand routes each for a partner network of hundreds. */
    static final int ENTRIES = 200;
    static final int REPORTS = 5_000;

    private final Jdbc jdbc;

    public JdbcReachRollups(Database db) {
        this.jdbc = new Jdbc(db);
    }

    @Override
    public boolean fold() {
        return jdbc.transaction(c -> {
            Map<String, Long> folds = new HashMap<>();
            Jdbc.query(c, "select name, seq from reach_folds where name in ('routes', 'reports') for update",
                    rs -> folds.put(rs.getString("name"), rs.getLong("seq")));
            long folded = folds.get("routes");
            Map<Route, long[]> counts = new HashMap<>();
            feedCursors(c, counts, folded);
            versionsRead(c, counts, folded);
            boolean more = false;
            long head = Jdbc.query(c, "select coalesce(max(seq), 0) from content_log", rs -> rs.getLong(1)).getFirst();
            long upTo = Math.min(head, folded + ENTRIES);
            if (upTo > folded) {
                Jdbc.query(c, """
                        select %s, count(*) routed,
                               sum(case when t.seq <= coalesce(ff.seq, 0) or vr.org_id is not null then 1 else 0 end) read_count
                        from %s
                        left join reach_feed_folded ff on ff.org_id = t.org_id
                        left join reach_version_reads vr on vr.org_id = t.org_id and vr.item_id = t.item_id and vr.version = l.version
                        where t.seq > ? and t.seq <= ?
                        group by t.org_id, t.licensor_id, v.language, v.rights_include, v.rights_exclude, v.products, ci.coproduction_id,
                                 cast(l.appended_at at time zone 'UTC' as date)""".formatted(ReachGroups.ROUTE_COLUMNS, ReachGroups.ROUTES),
                        rs -> add(counts, rs, rs.getLong("routed"), rs.getLong("read_count")), folded, upTo);
                Jdbc.update(c, "update reach_folds set seq = ? where name = 'routes'", upTo);
                more |= upTo < head;
            }
            ReachGroups.addRoutes(c, counts);
            if (!folds.containsKey("reports")) {
                more |= oldReports(c);
            }
            return more;
        });
    }

    /** Step 1. */
    private static void feedCursors(Connection c, Map<Route, long[]> counts, long folded) throws SQLException {
        Map<String, Long> fed = new HashMap<>();
        Jdbc.query(c, "select org_id, seq from reach_feed_folded", rs -> fed.put(rs.getString(1), rs.getLong(2)));
        Map<String, Long> served = new HashMap<>();
        Jdbc.query(c, "select org_id, max(seq) seq from feed_reads group by org_id", rs -> served.put(rs.getString(1), rs.getLong(2)));
        for (var e : served.entrySet()) {
            String org = e.getKey();
            long was = fed.getOrDefault(org, 0L);
            if (e.getValue() <= was) {
                continue;
            }
            long upTo = Math.min(e.getValue(), folded);
            if (upTo > was) {
                Jdbc.query(c, """
                        select %s, count(*) newly_read from %s
                        where t.org_id = ? and t.seq > ? and t.seq <= ?
                          and not exists (select 1 from reach_version_reads vr
                                          where vr.org_id = t.org_id and vr.item_id = t.item_id and vr.version = l.version)
                        group by t.org_id, t.licensor_id, v.language, v.rights_include, v.rights_exclude, v.products, ci.coproduction_id,
                                 cast(l.appended_at at time zone 'UTC' as date)""".formatted(ReachGroups.ROUTE_COLUMNS, ReachGroups.ROUTES),
                        rs -> add(counts, rs, 0, rs.getLong("newly_read")), org, was, upTo);
            }
            if (fed.containsKey(org)) {
                Jdbc.update(c, "update reach_feed_folded set seq = ? where org_id = ?", e.getValue(), org);
            } else {
                Jdbc.update(c, "insert into reach_feed_folded (org_id, seq) values (?, ?)", org, e.getValue());
            }
        }
    }

    /**
     * Step 2, set-based: the versions waiting now are claimed (one that arrives meanwhile waits for the next fold), their
     * folded routes above the feed cursor counted read, and they move to reach_version_reads.
     */
    private static void versionsRead(Connection c, Map<Route, long[]> counts, long folded) throws SQLException {
        if (Jdbc.update(c, "update reach_read_queue set claimed = true where claimed = false") == 0) {
            return;
        }
        Jdbc.query(c, """
                select %s, count(*) newly_read
                from reach_read_queue q
                join routes t on t.org_id = q.org_id and t.item_id = q.item_id
                join content_log l on l.seq = t.seq and l.version = q.version
                join versions v on v.item_id = l.item_id and v.version = l.version
                left join coproduced_items ci on ci.item_id = t.item_id
                left join reach_feed_folded ff on ff.org_id = t.org_id
                where q.claimed = true and t.seq <= ? and t.seq > coalesce(ff.seq, 0)
                  and not exists (select 1 from reach_version_reads vr
                                  where vr.org_id = q.org_id and vr.item_id = q.item_id and vr.version = q.version)
                group by t.org_id, t.licensor_id, v.language, v.rights_include, v.rights_exclude, v.products, ci.coproduction_id,
                         cast(l.appended_at at time zone 'UTC' as date)""".formatted(ReachGroups.ROUTE_COLUMNS),
                rs -> add(counts, rs, 0, rs.getLong("newly_read")), folded);
        Jdbc.update(c, """
                insert into reach_version_reads (org_id, item_id, version)
                select q.org_id, q.item_id, q.version from reach_read_queue q
                where q.claimed = true and not exists (select 1 from reach_version_reads vr
                                                       where vr.org_id = q.org_id and vr.item_id = q.item_id and vr.version = q.version)""");
        Jdbc.update(c, "delete from reach_read_queue where claimed = true");
    }

    /** Step 4; true when more wait. */
    private static boolean oldReports(Connection c) throws SQLException {
        List<Object[]> unfolded = Jdbc.query(c, """
                select org_id, report_id, outlet_id, country, item_id, version, used_at, audience from usage_reports
                where folded = false fetch first %d rows only""".formatted(REPORTS),
                rs -> {
                    long audience = rs.getLong("audience");
                    return new Object[] {rs.getString("org_id"), rs.getString("report_id"), rs.getString("outlet_id"),
                            rs.getString("country"), rs.getString("item_id"), rs.getInt("version"),
                            Jdbc.instant(rs, "used_at").atOffset(ZoneOffset.UTC).toLocalDate(), rs.wasNull() ? null : audience};
                });
        List<Object[]> fold = new ArrayList<>();
        for (Object[] r : unfolded) {
            if (Jdbc.update(c, "update usage_reports set folded = true where org_id = ? and report_id = ? and folded = false", r[0], r[1]) == 1) {
                fold.add(new Object[] {r[0], r[2], r[3], r[4], r[5], r[6], r[7]});
            }
        }
        ReachGroups.foldUsage(c, fold);
        if (unfolded.size() < REPORTS) {
            // None left, and none to come: every report since reach_usage existed is folded as it is stored.
            Jdbc.update(c, "insert into reach_folds (name, seq) values ('reports', 1) on conflict do nothing");
            return false;
        }
        return true;
    }

    private static Void add(Map<Route, long[]> counts, java.sql.ResultSet rs, long routed, long read) throws SQLException {
        for (Route r : ReachGroups.routes(rs)) {
            long[] n = counts.computeIfAbsent(r, k -> new long[2]);
            n[0] += routed;
            n[1] += read;
        }
        return null;
    }
}

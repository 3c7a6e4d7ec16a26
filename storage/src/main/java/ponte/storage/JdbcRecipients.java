package ponte.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ponte.core.items.ItemId;
import ponte.core.orgs.OrgId;
import ponte.core.reach.RecipientFacts;

/** An item's recipients from its routes, with the first delivery and the first read of its latest version by each. */
public final class JdbcRecipients implements RecipientFacts {
    private record Routed(int lastVersion, Optional<Long> latestSeq, Optional<Instant> routedAt) {}

    private final Jdbc jdbc;

    public JdbcRecipients(Database db) {
        this.jdbc = new Jdbc(db);
    }

    @Override
    public List<Received> of(ItemId item, int latestVersion) {
        Map<OrgId, Routed> routed = new LinkedHashMap<>();
        jdbc.query("""
                select r.org_id, max(l.version) last_version,
                       min(case when l.version = ? then r.seq end) latest_seq,
                       min(case when l.version = ? then l.appended_at end) routed_at
                from routes r join content_log l on l.seq = r.seq
                where r.item_id = ? group by r.org_id""",
                rs -> {
                    long seq = rs.getLong("latest_seq");
                    Optional<Long> latestSeq = rs.wasNull() ? Optional.empty() : Optional.of(seq);
                    return routed.put(new OrgId(rs.getString("org_id")),
                            new Routed(rs.getInt("last_version"), latestSeq, Jdbc.maybeInstant(rs, "routed_at")));
                },
                latestVersion, latestVersion, item.value());
        Map<OrgId, Instant> delivered = firsts("""
                select org_id, min(delivered_at) t from deliveries where item_id = ? and version = ? group by org_id""",
                item.value(), latestVersion);
        Map<OrgId, Instant> read = firsts("""
                select org_id, min(t) t from (
                    select f.org_id, f.reached_at t from feed_reads f
                    where f.seq >= (select min(r.seq) from routes r join content_log l on l.seq = r.seq
                                    where r.org_id = f.org_id and r.item_id = ? and l.version = ?)
                    union all
                    select org_id, first_read_at t from item_reads where item_id = ? and version = ?
                    union all
                    select org_id, downloaded_at t from media_downloads where item_id = ? and version = ?) x
                group by org_id""", item.value(), latestVersion, item.value(), latestVersion, item.value(), latestVersion);
        List<Received> out = new ArrayList<>();
        routed.forEach((org, r) -> out.add(new Received(org, r.lastVersion(), r.routedAt(),
                r.latestSeq().flatMap(s -> Optional.ofNullable(delivered.get(org))),
                r.latestSeq().flatMap(s -> Optional.ofNullable(read.get(org))))));
        return out;
    }

    private Map<OrgId, Instant> firsts(String sql, Object... params) {
        Map<OrgId, Instant> out = new HashMap<>();
        jdbc.query(sql, rs -> out.put(new OrgId(rs.getString("org_id")), Jdbc.instant(rs, "t")), params);
        return out;
    }
}

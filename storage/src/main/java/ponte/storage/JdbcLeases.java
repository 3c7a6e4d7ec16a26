package ponte.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ponte.core.delivery.EndpointId;
import ponte.core.delivery.Leases;

/**
 * Endpoint leases in PostgreSQL. Claims lock the candidate endpoint rows with {@code FOR UPDATE SKIP LOCKED}, so two
 * nodes balancing at once never take the same endpoint, and neither waits for the other.
 */
public final class JdbcLeases implements Leases {
    private final Jdbc jdbc;

    public JdbcLeases(Database db) {
        this.jdbc = new Jdbc(db);
    }

    @Override
    public Set<EndpointId> balance(String node, Instant now, Duration ttl) {
        Instant until = now.plus(ttl);
        return jdbc.transaction(c -> {
            // Alive: this node says so every round, whether it holds any lease or not.
            Jdbc.update(c, "delete from nodes where node_id = ? or seen_until < ?", node, now.minus(ttl.multipliedBy(10)));
            Jdbc.update(c, "insert into nodes (node_id, seen_until) values (?, ?)", node, until);
            Jdbc.update(c, "update endpoint_leases set expires_at = ? where node_id = ?", until, node);
            Jdbc.update(c, "delete from endpoint_leases where endpoint_id not in (select id from endpoints)");
            long endpoints = Jdbc.query(c, "select count(*) from endpoints", rs -> rs.getLong(1)).getFirst();
            long others = Jdbc.query(c, "select count(*) from nodes where seen_until > ? and node_id <> ?",
                    rs -> rs.getLong(1), now, node).getFirst();
            long share = (endpoints + others) / (others + 1); // ceiling of endpoints over live nodes
            List<String> mine = Jdbc.query(c, "select endpoint_id from endpoint_leases where node_id = ? order by endpoint_id",
                    rs -> rs.getString(1), node);
            if (mine.size() > share + 1) {
                // Above the fair share (a node joined): give some back; the caller stops their workers first.
                for (String extra : mine.subList((int) share, mine.size())) {
                    Jdbc.update(c, "delete from endpoint_leases where endpoint_id = ? and node_id = ?", extra, node);
                }
            } else if (mine.size() < share) {
                List<String> free = Jdbc.query(c, """
                        select e.id from endpoints e left join endpoint_leases l on l.endpoint_id = e.id
                        where l.endpoint_id is null or l.expires_at <= ?
                        order by e.id limit ? for update of e skip locked""",
                        rs -> rs.getString(1), now, share - mine.size());
                for (String id : free) {
                    Jdbc.update(c, "delete from endpoint_leases where endpoint_id = ?", id);
                    Jdbc.update(c, "insert into endpoint_leases (endpoint_id, node_id, expires_at) values (?, ?, ?)", id, node, until);
                }
            }
            Set<EndpointId> held = new HashSet<>();
            Jdbc.query(c, "select endpoint_id from endpoint_leases where node_id = ?", rs -> held.add(new EndpointId(rs.getString(1))), node);
            return held;
        });
    }

    @Override
    public boolean claim(String node, EndpointId endpoint, Instant now, Duration ttl) {
        return jdbc.transaction(c -> {
            boolean held = !Jdbc.query(c, "select 1 from endpoint_leases where endpoint_id = ? and expires_at > ?",
                    rs -> 1, endpoint.value(), now).isEmpty();
            if (held) {
                return Jdbc.query(c, "select 1 from endpoint_leases where endpoint_id = ? and node_id = ?", rs -> 1, endpoint.value(), node).size() == 1;
            }
            Jdbc.update(c, "delete from endpoint_leases where endpoint_id = ?", endpoint.value());
            Jdbc.update(c, "insert into endpoint_leases (endpoint_id, node_id, expires_at) values (?, ?, ?)", endpoint.value(), node, now.plus(ttl));
            return true;
        });
    }
}

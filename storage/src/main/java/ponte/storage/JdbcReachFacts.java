package ponte.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Territories;
import ponte.core.reach.ReachFacts;
import ponte.core.reach.ReachScope;

/**
 * Reach counted in the database, grouped small before it leaves it: routes by (partner, licensor, language, rights),
 * with how many the partner read; distinct deliveries; usage reports by (partner, outlet, language, day); routes by
 * day. An entry counts as read when the partner's feed or stream served past it on any day, or the partner fetched
 * its version, or downloaded that version's media.
 */
public final class JdbcReachFacts implements ReachFacts {
    private final Jdbc jdbc;

    public JdbcReachFacts(Database db) {
        this.jdbc = new Jdbc(db);
    }

    /** A where clause and its parameters, for the rows of one table aliased {@code t} joined to their version {@code v}. */
    private record Where(String sql, List<Object> params) {
        static Where of(Filter filter, String time) {
            List<Object> params = new ArrayList<>();
            StringBuilder sql = new StringBuilder(switch (filter.scope()) {
                case ReachScope.OfItem of -> {
                    params.add(of.item().value());
                    yield "t.item_id = ?";
                }
                case ReachScope.OfProduct of -> {
                    params.add("% " + of.product().value().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + " %");
                    yield "(' ' || v.products || ' ') like ?";
                }
                case ReachScope.OfCoproduction of -> {
                    params.add(of.coproduction());
                    yield "t.item_id in (select item_id from coproduced_items where coproduction_id = ?)";
                }
            });
            filter.partner().ifPresent(p -> {
                sql.append(" and t.org_id = ?");
                params.add(p.value());
            });
            filter.from().ifPresent(f -> {
                sql.append(" and ").append(time).append(" >= ?");
                params.add(f);
            });
            filter.to().ifPresent(f -> {
                sql.append(" and ").append(time).append(" < ?");
                params.add(f);
            });
            return new Where(sql.toString(), params);
        }

        Object[] bind() {
            return params.toArray();
        }
    }

    @Override
    public Facts count(Filter filter) {
        Where routes = Where.of(filter, "l.appended_at");
        // One pass over the routes: grouped by what the answer tells apart, and by day for the histogram. An entry a
        // feed did not serve is looked up in the reads by index (item_reads' key, media_downloads by item).
        Map<LocalDate, Long> byDay = new TreeMap<>();
        Map<List<Object>, long[]> groups = new java.util.LinkedHashMap<>();
        jdbc.query("""
                select t.org_id, t.licensor_id, v.language, v.rights_include, v.rights_exclude,
                       cast(l.appended_at at time zone 'UTC' as date) on_day, count(*) routed,
                       sum(case when fr.seq >= t.seq
                                  or exists (select 1 from item_reads ir where ir.org_id = t.org_id and ir.item_id = t.item_id
                                                                        and ir.version = l.version)
                                  or exists (select 1 from media_downloads md where md.item_id = t.item_id and md.org_id = t.org_id
                                                                             and md.version = l.version)
                                then 1 else 0 end) read_count
                from routes t
                join content_log l on l.seq = t.seq
                join versions v on v.item_id = l.item_id and v.version = l.version
                left join (select org_id, max(seq) seq from feed_reads group by org_id) fr on fr.org_id = t.org_id
                where %s
                group by t.org_id, t.licensor_id, v.language, v.rights_include, v.rights_exclude,
                         cast(l.appended_at at time zone 'UTC' as date)""".formatted(routes.sql()),
                rs -> {
                    byDay.merge(rs.getObject("on_day", LocalDate.class), rs.getLong("routed"), Long::sum);
                    List<Object> key = Arrays.asList(rs.getString("org_id"), rs.getString("licensor_id"), rs.getString("language"),
                            rs.getString("rights_include"), rs.getString("rights_exclude"));
                    long[] counts = groups.computeIfAbsent(key, k -> new long[2]);
                    counts[0] += rs.getLong("routed");
                    counts[1] += rs.getLong("read_count");
                    return null;
                }, routes.bind());
        List<Routed> routed = new ArrayList<>();
        groups.forEach((k, counts) -> routed.add(new Routed(new OrgId((String) k.get(0)), Optional.ofNullable((String) k.get(1)).map(OrgId::new),
                Optional.ofNullable((String) k.get(2)),
                Territories.of(Words.split((String) k.get(3), Function.identity()), Words.split((String) k.get(4), Function.identity())),
                counts[0], counts[1])));
        Where deliveries = Where.of(filter, "t.delivered_at");
        long delivered = jdbc.one("""
                select count(*) from (select distinct t.org_id, t.seq from deliveries t
                                      join versions v on v.item_id = t.item_id and v.version = t.version where %s) d"""
                .formatted(deliveries.sql()), rs -> rs.getLong(1), deliveries.bind()).orElse(0L);
        Where usage = Where.of(filter, "t.used_at");
        List<Used> used = jdbc.query("""
                select t.org_id, t.outlet_id, t.country, v.language, cast(t.used_at at time zone 'UTC' as date) on_day,
                       count(*) reports, coalesce(sum(t.audience), 0) audience
                from usage_reports t join versions v on v.item_id = t.item_id and v.version = t.version
                where %s
                group by t.org_id, t.outlet_id, t.country, v.language, cast(t.used_at at time zone 'UTC' as date)""".formatted(usage.sql()),
                JdbcReachFacts::used, usage.bind());
        return new Facts(routed, delivered, used, byDay);
    }

    private static Used used(ResultSet rs) throws SQLException {
        return new Used(new OrgId(rs.getString("org_id")), rs.getString("outlet_id"), CountryCode.of(rs.getString("country")),
                Optional.ofNullable(rs.getString("language")), rs.getObject("on_day", LocalDate.class), rs.getLong("reports"),
                rs.getLong("audience"));
    }
}

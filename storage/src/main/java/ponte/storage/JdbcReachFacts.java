package ponte.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * day. A product's or co-production's routes and reports are read from the counts kept in advance
 * ({@link JdbcReachRollups}) plus what is not folded yet; an item's reach, and the part of a day at either end of a
 * window, from the rows. An entry counts as read when the partner's feed or stream served past it on any day, or the
 * partner fetched its version, or downloaded that version's media.
 */
public final class JdbcReachFacts implements ReachFacts {
    private final Jdbc jdbc;
    private final boolean postgres;

    public JdbcReachFacts(Database db) {
        this.jdbc = new Jdbc(db);
        this.postgres = db.isPostgres();
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

        /** The rows of one scope kept in advance by day: reach_routes and reach_usage. */
        static Where ofDays(Filter filter, String scope) {
            List<Object> params = new ArrayList<>();
            StringBuilder sql = new StringBuilder("scope = ?");
            params.add(scope);
            filter.partner().ifPresent(p -> {
                sql.append(" and org_id = ?");
                params.add(p.value());
            });
            filter.from().ifPresent(f -> {
                sql.append(" and on_day >= ?");
                params.add(java.sql.Date.valueOf(f.atOffset(java.time.ZoneOffset.UTC).toLocalDate()));
            });
            filter.to().ifPresent(t -> {
                sql.append(" and on_day < ?");
                params.add(java.sql.Date.valueOf(t.atOffset(java.time.ZoneOffset.UTC).toLocalDate()));
            });
            return new Where(sql.toString(), params);
        }

        Object[] bind() {
            return params.toArray();
        }

        /** The parameters followed by more, for clauses appended after this one. */
        Object[] with(Object... more) {
            List<Object> all = new ArrayList<>(params);
            all.addAll(Arrays.asList(more));
            return all.toArray();
        }
    }

    /**
     * A product's or co-production's facts from the counts kept in advance for the whole days of the window, and from
     * the rows for the part of a day at either end (a window within a day from the rows alone); an item's from the rows.
     * Deliveries are counted from their rows over the whole window.
     */
    @Override
    public Facts count(Filter filter) {
        return jdbc.transaction(c -> {
            Counts counts = new Counts();
            List<Used> used = new ArrayList<>();
            Optional<Instant> from = filter.from().map(JdbcReachFacts::nextMidnight);
            Optional<Instant> to = filter.to().map(JdbcReachFacts::lastMidnight);
            if (filter.scope() instanceof ReachScope.OfItem || from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
                rows(c, filter, counts, used);
            } else {
                kept(c, new Filter(filter.scope(), filter.partner(), from, to), counts, used);
                if (!from.equals(filter.from())) {
                    rows(c, new Filter(filter.scope(), filter.partner(), filter.from(), from), counts, used);
                }
                if (!to.equals(filter.to())) {
                    rows(c, new Filter(filter.scope(), filter.partner(), to, filter.to()), counts, used);
                }
            }
            return new Facts(counts.routed(), delivered(c, filter), used, counts.byDay);
        });
    }

    /** The same facts counted from the rows alone, as if nothing were kept in advance (tests compare the two). */
    Facts fromRows(Filter filter) {
        return jdbc.transaction(c -> {
            Counts counts = new Counts();
            List<Used> used = new ArrayList<>();
            rows(c, filter, counts, used);
            return new Facts(counts.routed(), delivered(c, filter), used, counts.byDay);
        });
    }

    /** The first midnight UTC at or after {@code t}. */
    private static Instant nextMidnight(Instant t) {
        Instant midnight = lastMidnight(t);
        return midnight.equals(t) ? t : midnight.plus(Duration.ofDays(1));
    }

    /** The last midnight UTC at or before {@code t}. */
    private static Instant lastMidnight(Instant t) {
        return t.truncatedTo(ChronoUnit.DAYS);
    }

    /** Routes and reports from the rows themselves: an item's (a few hundred routes), or the part of a day. */
    private static void rows(Connection c, Filter filter, Counts counts, List<Used> used) throws SQLException {
        routes(c, filter, 0, counts);
        used.addAll(used(c, filter, false));
    }

    /**
     * From the counts kept in advance (reach_routes, reach_usage) and what they do not hold yet: routes past the
     * folder's cursor, feed cursors and fetched versions the folder has not counted as read, reports not folded. The
     * folder's cursor row is held while counting, so no fold lands between the counts and the rest. The window, if
     * any, starts and ends at midnight UTC.
     */
    private void kept(Connection c, Filter filter, Counts counts, List<Used> used) throws SQLException {
        Map<String, Long> folds = new HashMap<>();
        Jdbc.query(c, "select name, seq from reach_folds where name in ('routes', 'reports') " + (postgres ? "for share" : "for update"),
                rs -> folds.put(rs.getString("name"), rs.getLong("seq")));
        long folded = folds.get("routes");
        String scope = ReachGroups.scope(filter.scope());
        Where days = Where.ofDays(filter, scope);
        Jdbc.query(c, """
                select org_id, licensor_id, language, rights_include, rights_exclude, on_day, routed, read_count from reach_routes
                where %s""".formatted(days.sql()), rs -> {
                    counts.add(rs, rs.getObject("on_day", LocalDate.class), rs.getLong("routed"), rs.getLong("read_count"));
                    return null;
                }, days.bind());
        Where routes = Where.of(filter, "l.appended_at");
        // What is left to count, in one round trip (each costs a wake-up of the database on a loaded machine): how far
        // the log goes, and whether any fetched version or report waits for the folder (no report once the folder has
        // folded those stored before reach_usage existed: every report since is folded as it is stored). Each of the
        // rest is asked only when there is something to count: their plans, on PostgreSQL especially, may walk every
        // route or report even when the queue or the unfolded reports are empty.
        long[] left = Jdbc.query(c, """
                select (select coalesce(max(seq), 0) from content_log) head,
                       (select count(*) from (select 1 from reach_read_queue fetch first 1 rows only) q) queued,
                       %s unfolded""".formatted(folds.containsKey("reports") ? "0"
                        : "(select count(*) from (select 1 from usage_reports where folded = false fetch first 1 rows only) u)"),
                rs -> new long[] {rs.getLong("head"), rs.getLong("queued"), rs.getLong("unfolded")}).getFirst();
        Map<String, Long> fed = new HashMap<>();
        Map<String, Long> served = new HashMap<>();
        Jdbc.query(c, """
                select s.org_id, s.seq served, ff.seq fed from (select org_id, max(seq) seq from feed_reads group by org_id) s
                left join reach_feed_folded ff on ff.org_id = s.org_id""", rs -> {
                    served.put(rs.getString("org_id"), rs.getLong("served"));
                    long was = rs.getLong("fed");
                    if (!rs.wasNull()) {
                        fed.put(rs.getString("org_id"), was);
                    }
                    return null;
                });
        for (var e : served.entrySet()) {
            long was = fed.getOrDefault(e.getKey(), 0L);
            long upTo = Math.min(e.getValue(), folded);
            if (upTo > was && filter.partner().map(p -> p.value().equals(e.getKey())).orElse(true)) {
                Jdbc.query(c, """
                        select t.org_id, t.licensor_id, v.language, v.rights_include, v.rights_exclude, count(*) newly_read
                        from routes t join content_log l on l.seq = t.seq join versions v on v.item_id = l.item_id and v.version = l.version
                        where %s and t.org_id = ? and t.seq > ? and t.seq <= ?
                          and not exists (select 1 from reach_version_reads vr
                                          where vr.org_id = t.org_id and vr.item_id = t.item_id and vr.version = l.version)
                        group by t.org_id, t.licensor_id, v.language, v.rights_include, v.rights_exclude""".formatted(routes.sql()),
                        rs -> {
                            counts.add(rs, null, 0, rs.getLong("newly_read"));
                            return null;
                        }, routes.with(e.getKey(), was, upTo));
            }
        }
        if (left[1] > 0) {
            Jdbc.query(c, """
                    select t.org_id, t.seq, t.licensor_id, v.language, v.rights_include, v.rights_exclude
                    from reach_read_queue q join routes t on t.org_id = q.org_id and t.item_id = q.item_id
                    join content_log l on l.seq = t.seq and l.version = q.version
                    join versions v on v.item_id = l.item_id and v.version = l.version
                    where %s and t.seq <= ?
                      and not exists (select 1 from reach_version_reads vr
                                      where vr.org_id = q.org_id and vr.item_id = q.item_id and vr.version = q.version)"""
                    .formatted(routes.sql()), rs -> {
                        if (rs.getLong("seq") > served.getOrDefault(rs.getString("org_id"), 0L)) {
                            counts.add(rs, null, 0, 1);
                        }
                        return null;
                    }, routes.with(folded));
        }
        if (left[0] > folded) {
            routes(c, filter, folded, counts);
        }
        used.addAll(Jdbc.query(c, """
                select org_id, outlet_id, country, language, on_day, reports, audience from reach_usage where %s"""
                .formatted(days.sql()), JdbcReachFacts::used, days.bind()));
        if (left[2] > 0) {
            used.addAll(used(c, filter, true));
        }
    }

    /** Routes grouped by what the answer tells apart, with how many were read, and by day. */
    private static final class Counts {
        final Map<LocalDate, Long> byDay = new TreeMap<>();
        final Map<List<Object>, long[]> groups = new LinkedHashMap<>();

        /** Adds a row with org_id, licensor_id, language, rights_include and rights_exclude; a day when routes are added. */
        void add(ResultSet rs, LocalDate day, long routed, long read) throws SQLException {
            if (day != null) {
                byDay.merge(day, routed, Long::sum);
            }
            List<Object> key = Arrays.asList(rs.getString("org_id"), ReachGroups.present(rs.getString("licensor_id")).orElse(null),
                    ReachGroups.present(rs.getString("language")).orElse(null), rs.getString("rights_include"), rs.getString("rights_exclude"));
            long[] n = groups.computeIfAbsent(key, k -> new long[2]);
            n[0] += routed;
            n[1] += read;
        }

        List<Routed> routed() {
            List<Routed> routed = new ArrayList<>();
            groups.forEach((k, n) -> routed.add(new Routed(new OrgId((String) k.get(0)), Optional.ofNullable((String) k.get(1)).map(OrgId::new),
                    Optional.ofNullable((String) k.get(2)),
                    Territories.of(Words.split((String) k.get(3), Function.identity()), Words.split((String) k.get(4), Function.identity())),
                    n[0], n[1])));
            return routed;
        }
    }

    /**
     * One pass over the routes (those after entry {@code after}, when not 0: "seq > 0" can lead PostgreSQL to walk the
     * routes by seq instead of by item): grouped by what the answer tells apart, and by day for the histogram. An entry
     * a feed did not serve is looked up in the reads by index (item_reads' key, media_downloads by item).
     */
    private static void routes(Connection c, Filter filter, long after, Counts counts) throws SQLException {
        Where routes = Where.of(filter, "l.appended_at");
        Jdbc.query(c, """
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
                where %s%s
                group by t.org_id, t.licensor_id, v.language, v.rights_include, v.rights_exclude,
                         cast(l.appended_at at time zone 'UTC' as date)""".formatted(routes.sql(), after > 0 ? " and t.seq > ?" : ""),
                rs -> {
                    counts.add(rs, rs.getObject("on_day", LocalDate.class), rs.getLong("routed"), rs.getLong("read_count"));
                    return null;
                }, after > 0 ? routes.with(after) : routes.bind());
    }

    private static long delivered(Connection c, Filter filter) throws SQLException {
        Where deliveries = Where.of(filter, "t.delivered_at");
        return Jdbc.query(c, """
                select count(*) from (select distinct t.org_id, t.seq from deliveries t
                                      join versions v on v.item_id = t.item_id and v.version = t.version where %s) d"""
                .formatted(deliveries.sql()), rs -> rs.getLong(1), deliveries.bind()).getFirst();
    }

    /** Usage reports grouped by partner, outlet, country, language and day; only those not folded yet when asked. */
    private static List<Used> used(Connection c, Filter filter, boolean unfoldedOnly) throws SQLException {
        Where usage = Where.of(filter, "t.used_at");
        return Jdbc.query(c, """
                select t.org_id, t.outlet_id, t.country, v.language, cast(t.used_at at time zone 'UTC' as date) on_day,
                       count(*) reports, coalesce(sum(t.audience), 0) audience
                from usage_reports t join versions v on v.item_id = t.item_id and v.version = t.version
                where %s%s
                group by t.org_id, t.outlet_id, t.country, v.language, cast(t.used_at at time zone 'UTC' as date)"""
                .formatted(usage.sql(), unfoldedOnly ? " and t.folded = false" : ""), JdbcReachFacts::used, usage.bind());
    }

    private static Used used(ResultSet rs) throws SQLException {
        return new Used(new OrgId(rs.getString("org_id")), rs.getString("outlet_id"), CountryCode.of(rs.getString("country")),
                ReachGroups.present(rs.getString("language")), rs.getObject("on_day", LocalDate.class), rs.getLong("reports"),
                rs.getLong("audience"));
    }
}

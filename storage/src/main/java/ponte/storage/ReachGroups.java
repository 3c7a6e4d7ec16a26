package ponte.storage;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import ponte.core.reach.ReachScope;

/**
 * The keys reach is counted under in advance (reach_routes, reach_usage) and the upserts that add to them. A route or
 * report counts under every scope its version belongs to: each of its products, and its co-production if any.
 */
final class ReachGroups {
    /** The columns of a route's group; with {@link #ROUTES}. */
    static final String ROUTE_COLUMNS = """
            t.org_id, t.licensor_id, v.language, v.rights_include, v.rights_exclude, v.products, ci.coproduction_id,
            cast(l.appended_at at time zone 'UTC' as date) on_day""";
    static final String ROUTES = """
            routes t join content_log l on l.seq = t.seq
            join versions v on v.item_id = l.item_id and v.version = l.version
            left join coproduced_items ci on ci.item_id = t.item_id""";

    /**
     * A version fetched or downloaded, for the folder to count once: a version already waiting stays one row, and one
     * already counted is not queued again (a partner fetching a version a second time would otherwise queue work).
     */
    static final String QUEUE_READ = """
            insert into reach_read_queue (org_id, item_id, version) select ?, ?, ? where not exists
            (select 1 from reach_version_reads where org_id = ? and item_id = ? and version = ?) on conflict do nothing""";

    private ReachGroups() {}

    /** Binds {@link #QUEUE_READ} for one version read and adds it to the batch. */
    static void queueRead(PreparedStatement queue, String org, String item, int version) throws SQLException {
        Jdbc.bind(queue, org, item, version, org, item, version);
        queue.addBatch();
    }

    /** A row of reach_routes without its counts. */
    record Route(String scope, String org, String licensor, String language, String include, String exclude, LocalDate day)
            implements Comparable<Route> {
        private static final Comparator<Route> ORDER = Comparator.comparing(Route::scope).thenComparing(Route::org)
                .thenComparing(Route::licensor).thenComparing(Route::language).thenComparing(Route::include)
                .thenComparing(Route::exclude).thenComparing(Route::day);

        @Override
        public int compareTo(Route other) {
            return ORDER.compare(this, other);
        }
    }

    /** A row of reach_usage without its counts. */
    record Use(String scope, String org, String outlet, String country, String language, LocalDate day) implements Comparable<Use> {
        private static final Comparator<Use> ORDER = Comparator.comparing(Use::scope).thenComparing(Use::org)
                .thenComparing(Use::outlet).thenComparing(Use::country).thenComparing(Use::language).thenComparing(Use::day);

        @Override
        public int compareTo(Use other) {
            return ORDER.compare(this, other);
        }
    }

    static String scope(ReachScope scope) {
        return switch (scope) {
            case ReachScope.OfProduct of -> "p:" + of.product().value();
            case ReachScope.OfCoproduction of -> "c:" + of.coproduction();
            case ReachScope.OfItem of -> throw new IllegalArgumentException("an item's reach is not kept in advance");
        };
    }

    /** Every scope a version with these products (space-separated) and co-production counts under. */
    static List<String> scopes(String products, String coproduction) {
        List<String> scopes = new ArrayList<>();
        Words.split(products, Function.identity()).forEach(p -> scopes.add("p:" + p));
        if (coproduction != null) {
            scopes.add("c:" + coproduction);
        }
        return scopes;
    }

    /** The groups of a row selected with {@link #ROUTE_COLUMNS}, one per scope. */
    static List<Route> routes(ResultSet rs) throws SQLException {
        List<Route> groups = new ArrayList<>();
        for (String scope : scopes(rs.getString("products"), rs.getString("coproduction_id"))) {
            groups.add(new Route(scope, rs.getString("org_id"), blank(rs.getString("licensor_id")), blank(rs.getString("language")),
                    rs.getString("rights_include"), rs.getString("rights_exclude"), rs.getObject("on_day", LocalDate.class)));
        }
        return groups;
    }

    static String blank(String value) {
        return value == null ? "" : value;
    }

    static Optional<String> present(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** Adds routed and read counts, in key order (so two writers never wait on each other in a circle). */
    static void addRoutes(Connection c, Map<Route, long[]> counts) throws SQLException {
        add(c, "reach_routes", "scope, org_id, licensor_id, language, rights_include, rights_exclude, on_day", "routed", "read_count",
                new TreeMap<>(counts), r -> new Object[] {r.scope(), r.org(), r.licensor(), r.language(), r.include(), r.exclude(),
                        Date.valueOf(r.day())});
    }

    /** Adds report and audience counts, in key order. */
    static void addUsage(Connection c, Map<Use, long[]> counts) throws SQLException {
        add(c, "reach_usage", "scope, org_id, outlet_id, country, language, on_day", "reports", "audience", new TreeMap<>(counts),
                u -> new Object[] {u.scope(), u.org(), u.outlet(), u.country(), u.language(), Date.valueOf(u.day())});
    }

    /** Each row inserted if missing, then added to: two statements that stay right when several writers add at once. */
    private static <K> void add(Connection c, String table, String keys, String first, String second, Map<K, long[]> counts,
            Function<K, Object[]> key) throws SQLException {
        if (counts.isEmpty()) {
            return;
        }
        List<String> columns = List.of(keys.split(", "));
        String marks = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
        String match = String.join(" and ", columns.stream().map(k -> k + " = ?").toList());
        try (PreparedStatement insert = c.prepareStatement("insert into %s (%s, %s, %s) values (%s, 0, 0) on conflict do nothing"
                        .formatted(table, keys, first, second, marks));
             PreparedStatement add = c.prepareStatement("update %s set %s = %s + ?, %s = %s + ? where %s"
                        .formatted(table, first, first, second, second, match))) {
            for (var e : counts.entrySet()) {
                Object[] k = key.apply(e.getKey());
                Jdbc.bind(insert, k);
                insert.addBatch();
                Jdbc.bind(add, concat(new Object[] {e.getValue()[0], e.getValue()[1]}, k));
                add.addBatch();
            }
            insert.executeBatch();
            add.executeBatch();
        }
    }

    /**
     * Folds usage reports into reach_usage: {@code reports} holds, per report, its org, outlet, country, item, version,
     * day of use and audience (null for none).
     */
    static void foldUsage(Connection c, List<Object[]> reports) throws SQLException {
        Map<String, List<String>> scopesOf = new java.util.HashMap<>();
        Map<String, String> languageOf = new java.util.HashMap<>();
        Map<Use, long[]> counts = new java.util.HashMap<>();
        for (Object[] r : reports) {
            String version = r[3] + "\u0000" + r[4];
            if (!scopesOf.containsKey(version)) {
                List<Object[]> found = Jdbc.query(c, """
                        select v.products, v.language, ci.coproduction_id from versions v
                        left join coproduced_items ci on ci.item_id = v.item_id where v.item_id = ? and v.version = ?""",
                        rs -> new Object[] {scopes(rs.getString("products"), rs.getString("coproduction_id")), blank(rs.getString("language"))},
                        r[3], r[4]);
                @SuppressWarnings("unchecked")
                List<String> scopes = found.isEmpty() ? List.of() : (List<String>) found.getFirst()[0];
                scopesOf.put(version, scopes);
                languageOf.put(version, found.isEmpty() ? "" : (String) found.getFirst()[1]);
            }
            for (String scope : scopesOf.get(version)) {
                long[] n = counts.computeIfAbsent(new Use(scope, (String) r[0], (String) r[1], (String) r[2], languageOf.get(version),
                        (LocalDate) r[5]), k -> new long[2]);
                n[0]++;
                n[1] += r[6] == null ? 0 : ((Number) r[6]).longValue();
            }
        }
        addUsage(c, counts);
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] all = new Object[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}

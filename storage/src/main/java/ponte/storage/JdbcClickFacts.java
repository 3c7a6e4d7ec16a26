package ponte.storage;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import ponte.core.campaigns.Click;
import ponte.core.campaigns.ClickCount;
import ponte.core.campaigns.ClickFacts;

/**
 * Clicks folded in memory per (link, day, bot, visitor) and upserted (insert if missing, then add), which several
 * nodes may do at once: a burst of clicks on one link is one row per visitor and day.
 */
public final class JdbcClickFacts implements ClickFacts, FactJournal.Store<Click> {
    /** A click as a journal line: code, time (epoch milliseconds), bot (0 or 1), visitor ('' when none). */
    public static final FactJournal.Codec<Click> LINE = new FactJournal.Codec<>() {
        @Override
        public String write(Click c) {
            return c.code() + "\t" + c.at().toEpochMilli() + "\t" + (c.bot() ? 1 : 0) + "\t" + c.visitor().orElse("");
        }

        @Override
        public Optional<Click> read(String line) {
            String[] f = line.split("\t", -1);
            if (f.length != 4 || !(f[3].isEmpty() || f[3].length() == 32)) {
                return Optional.empty();
            }
            return Optional.of(new Click(f[0], Instant.ofEpochMilli(Long.parseLong(f[1])), Optional.of(f[3]).filter(v -> !v.isEmpty()),
                    f[2].equals("1")));
        }
    };

    private record Key(String code, LocalDate day, boolean bot, String visitor) {}

    private final Jdbc jdbc;

    public JdbcClickFacts(Database db) {
        this.jdbc = new Jdbc(db);
    }

    @Override
    public void record(List<Click> clicks) {
        record(null, clicks);
    }

    /** The clicks of a journal segment, unless that segment was written before (then nothing). */
    @Override
    public void record(String segment, List<Click> clicks) {
        Map<Key, Long> folded = new HashMap<>();
        for (Click c : clicks) {
            folded.merge(new Key(c.code(), LocalDate.ofInstant(c.at(), ZoneOffset.UTC), c.bot(), c.visitor().orElse("")), 1L, Long::sum);
        }
        jdbc.transaction(c -> {
            if (segment == null || JournalSegments.claim(c, segment)) {
                write(c, folded);
            }
            return null;
        });
    }

    @Override
    public void forget(String segment) {
        JournalSegments.forget(jdbc, segment);
    }

    private static void write(Connection c, Map<Key, Long> folded) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "insert into link_clicks (code, on_day, bot, visitor, clicks) values (?, ?, ?, ?, 0) on conflict do nothing");
             PreparedStatement add = c.prepareStatement(
                     "update link_clicks set clicks = clicks + ? where code = ? and on_day = ? and bot = ? and visitor = ?")) {
            for (var e : folded.entrySet()) {
                Key k = e.getKey();
                Jdbc.bind(insert, k.code(), Date.valueOf(k.day()), k.bot(), k.visitor());
                insert.addBatch();
                Jdbc.bind(add, e.getValue(), k.code(), Date.valueOf(k.day()), k.bot(), k.visitor());
                add.addBatch();
            }
            insert.executeBatch();
            add.executeBatch();
        }
    }

    @Override
    public Map<String, ClickCount> counts(String campaign) {
        Map<String, ClickCount> out = new HashMap<>();
        jdbc.query("""
                select l.code,
                       coalesce(sum(case when k.bot then 0 else k.clicks end), 0),
                       count(case when not k.bot and k.visitor <> '' then 1 end),
                       coalesce(sum(case when k.bot then k.clicks else 0 end), 0)
                from tracked_links l join link_clicks k on k.code = l.code
                where l.campaign_id = ? group by l.code""", rs -> out.put(rs.getString(1),
                new ClickCount(rs.getLong(2), rs.getLong(3), rs.getLong(4))), campaign);
        return out;
    }

    @Override
    public Map<String, Map<LocalDate, Long>> daily(String campaign, Instant from, Instant to) {
        Map<String, Map<LocalDate, Long>> out = new HashMap<>();
        jdbc.query("""
                select l.code, k.on_day, sum(k.clicks) from tracked_links l join link_clicks k on k.code = l.code
                where l.campaign_id = ? and not k.bot and k.on_day >= ? and k.on_day < ? group by l.code, k.on_day""",
                rs -> out.computeIfAbsent(rs.getString(1), x -> new TreeMap<>()).put(rs.getObject(2, LocalDate.class), rs.getLong(3)),
                campaign, Date.valueOf(LocalDate.ofInstant(from, ZoneOffset.UTC)), Date.valueOf(LocalDate.ofInstant(to, ZoneOffset.UTC)));
        return out;
    }
}

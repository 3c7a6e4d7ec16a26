package ponte.storage;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import ponte.core.campaigns.Heartbeat;
import ponte.core.campaigns.Heartbeats;

/**
 * Heartbeats kept once per (event, minute, viewer): a batch drops its repeats in memory, then inserts what is new in
 * one statement batch and one transaction, in key order so that two nodes' batches never wait on each other in a
 * cycle (PostgreSQL).
 */
public final class JdbcHeartbeats implements Heartbeats, FactJournal.Store<Heartbeat> {
    /** A heartbeat as a journal line: event, minute (epoch seconds), viewer. */
    public static final FactJournal.Codec<Heartbeat> LINE = new FactJournal.Codec<>() {
        @Override
        public String write(Heartbeat h) {
            return h.event() + "\t" + h.at().getEpochSecond() + "\t" + h.viewer();
        }

        @Override
        public Optional<Heartbeat> read(String line) {
            String[] f = line.split("\t", -1);
            if (f.length != 3 || f[2].length() != 32) {
                return Optional.empty();
            }
            return Optional.of(new Heartbeat(f[0], Instant.ofEpochSecond(Long.parseLong(f[1])), f[2]));
        }
    };

    private static final Comparator<Heartbeat> KEY = Comparator.comparing(Heartbeat::event).thenComparing(Heartbeat::at)
            .thenComparing(Heartbeat::viewer);

    private final Jdbc jdbc;

    public JdbcHeartbeats(Database db) {
        this.jdbc = new Jdbc(db);
    }

    @Override
    public void record(String segment, List<Heartbeat> beats) {
        List<Heartbeat> distinct = beats.stream().distinct().sorted(KEY).toList();
        jdbc.transaction(c -> {
            if (!JournalSegments.claim(c, segment)) {
                return null;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into live_heartbeats (event_id, on_minute, viewer) values (?, ?, ?) on conflict do nothing")) {
                for (Heartbeat h : distinct) {
                    Jdbc.bind(ps, h.event(), h.at(), h.viewer());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void forget(String segment) {
        JournalSegments.forget(jdbc, segment);
    }

    @Override
    public SortedMap<Instant, Long> perMinute(String event) {
        SortedMap<Instant, Long> out = new TreeMap<>();
        jdbc.query("select on_minute, count(*) from live_heartbeats where event_id = ? group by on_minute",
                rs -> out.put(Jdbc.instant(rs, "on_minute"), rs.getLong(2)), event);
        return out;
    }

    @Override
    public long viewers(String event) {
        return jdbc.one("select count(distinct viewer) from live_heartbeats where event_id = ?", rs -> rs.getLong(1), event).orElse(0L);
    }
}

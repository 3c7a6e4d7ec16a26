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
import ponte.core.items.ItemId;
import ponte.core.orgs.OrgId;
import ponte.core.reach.ReadFact;
import ponte.core.reach.ReadFacts;

/**
 * Partners' reads per day. A batch is folded in memory first (the highest entry per org and day, a count per version
 * and day), so a busy minute of polling is a handful of rows; each row is inserted if missing and then folded into,
 * two statements that stay right when several nodes write the same row at once.
 */
public final class JdbcReadFacts implements ReadFacts {
    private record Day(OrgId org, LocalDate day) {}

    /** The highest entry served, when it was first served, and the first read of the day. */
    private record Fed(long seq, Instant reached, Instant first) {
        Fed join(Fed other) {
            Instant firstRead = first.isBefore(other.first) ? first : other.first;
            if (seq != other.seq) {
                return seq > other.seq ? new Fed(seq, reached, firstRead) : new Fed(other.seq, other.reached, firstRead);
            }
            return new Fed(seq, reached.isBefore(other.reached) ? reached : other.reached, firstRead);
        }
    }

    private record Opened(OrgId org, ItemId item, int version, LocalDate day) {}

    private record Count(long reads, Instant first) {
        Count join(Count other) {
            return new Count(reads + other.reads, first.isBefore(other.first) ? first : other.first);
        }
    }

    private final Jdbc jdbc;

    public JdbcReadFacts(Database db) {
        this.jdbc = new Jdbc(db);
    }

    @Override
    public void record(List<ReadFact> facts) {
        Map<Day, Fed> fed = new HashMap<>();
        Map<Opened, Count> opened = new HashMap<>();
        for (ReadFact fact : facts) {
            LocalDate day = fact.at().atOffset(ZoneOffset.UTC).toLocalDate();
            switch (fact) {
                case ReadFact.Fed f -> fed.merge(new Day(f.org(), day), new Fed(f.seq(), f.at(), f.at()), Fed::join);
                case ReadFact.Opened o -> opened.merge(new Opened(o.org(), o.item(), o.version(), day), new Count(1, o.at()), Count::join);
            }
        }
        jdbc.transaction(c -> {
            writeFed(c, fed);
            writeOpened(c, opened);
            return null;
        });
    }

    private static void writeFed(Connection c, Map<Day, Fed> fed) throws SQLException {
        if (fed.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("""
                insert into feed_reads (org_id, on_day, seq, first_read_at, reached_at) values (?, ?, ?, ?, ?)
                on conflict do nothing""");
             PreparedStatement fold = c.prepareStatement("""
                update feed_reads set reached_at = case when ? > seq then ? else reached_at end, seq = greatest(seq, ?),
                    first_read_at = least(first_read_at, ?)
                where org_id = ? and on_day = ?""")) {
            for (var e : fed.entrySet()) {
                Fed f = e.getValue();
                Jdbc.bind(insert, e.getKey().org().value(), Date.valueOf(e.getKey().day()), f.seq(), f.first(), f.reached());
                insert.addBatch();
                Jdbc.bind(fold, f.seq(), f.reached(), f.seq(), f.first(), e.getKey().org().value(), Date.valueOf(e.getKey().day()));
                fold.addBatch();
            }
            insert.executeBatch();
            fold.executeBatch();
        }
    }

    private static void writeOpened(Connection c, Map<Opened, Count> opened) throws SQLException {
        if (opened.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("""
                insert into item_reads (org_id, item_id, version, on_day, reads, first_read_at) values (?, ?, ?, ?, 0, ?)
                on conflict do nothing""");
             PreparedStatement fold = c.prepareStatement("""
                update item_reads set reads = reads + ? where org_id = ? and item_id = ? and version = ? and on_day = ?""");
             PreparedStatement wait = c.prepareStatement(ReachGroups.QUEUE_READ)) {
            for (var e : opened.entrySet()) {
                Opened o = e.getKey();
                Jdbc.bind(insert, o.org().value(), o.item().value(), o.version(), Date.valueOf(o.day()), e.getValue().first());
                insert.addBatch();
                Jdbc.bind(fold, e.getValue().reads(), o.org().value(), o.item().value(), o.version(), Date.valueOf(o.day()));
                fold.addBatch();
                ReachGroups.queueRead(wait, o.org().value(), o.item().value(), o.version());
            }
            insert.executeBatch();
            fold.executeBatch();
            wait.executeBatch();
        }
    }
}

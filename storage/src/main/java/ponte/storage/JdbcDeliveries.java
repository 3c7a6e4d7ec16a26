package ponte.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import ponte.core.delivery.Attempt;
import ponte.core.delivery.DeadLetter;
import ponte.core.delivery.Deliveries;
import ponte.core.delivery.Delivered;
import ponte.core.delivery.EndpointId;
import ponte.core.delivery.Outcome;
import ponte.core.delivery.Progress;
import ponte.core.items.Event;
import ponte.core.items.ItemId;
import ponte.core.log.Cursor;

/**
 * Attempts, dead letters and reach facts. Outcomes are written by one journal thread that commits whatever is waiting
 * together (group commit, as the content log does): when an item fans out to thousands of endpoints, thousands of
 * outcomes arrive at once, and one durable commit per outcome would cap delivery at H2's commit rate.
 */
public final class JdbcDeliveries implements Deliveries, AutoCloseable {
    private static final int GROUP = 1024;

    private record Pending(Outcome outcome, CompletableFuture<Boolean> applied) {}

    private final DataSource dataSource;
    private final Jdbc jdbc;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(16_384);
    private final Thread journal;
    private volatile boolean running = true;

    public JdbcDeliveries(Database db) {
        this.dataSource = db.dataSource();
        this.jdbc = new Jdbc(db);
        this.journal = Thread.ofPlatform().name("ponte-delivery-journal").daemon().start(this::write);
    }

    @Override
    public boolean record(Outcome outcome) {
        try {
            return submit(outcome).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    @Override
    public CompletableFuture<Boolean> submit(Outcome outcome) {
        CompletableFuture<Boolean> applied = new CompletableFuture<>();
        try {
            if (!running || !queue.offer(new Pending(outcome, applied), 30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the delivery journal is not accepting outcomes");
            }
            return applied;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording a delivery", e);
        }
    }

    private void write() {
        GroupCommit.run(queue, GROUP, () -> running, this::commit);
    }

    private void commit(List<Pending> group) {
        try {
            boolean[] applied = jdbc.transaction(c -> writeAll(c, group));
            for (int i = 0; i < group.size(); i++) {
                group.get(i).applied().complete(applied[i]);
            }
        } catch (StorageFailure batchFailed) {
            // One bad outcome (its endpoint deleted meanwhile) must not fail its neighbours: write them one by one.
            for (Pending p : group) {
                try {
                    p.applied().complete(jdbc.transaction(c -> writeAll(c, List.of(p)))[0]);
                } catch (RuntimeException e) {
                    p.applied().completeExceptionally(e);
                }
            }
        }
    }

    /** Batched: one statement per table per group. */
    private static boolean[] writeAll(Connection c, List<Pending> group) throws SQLException {
        try (PreparedStatement attempts = c.prepareStatement("""
                insert into delivery_attempts (endpoint_id, seq, webhook_id, attempt, attempted_at, status, latency_ms, error)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Pending p : group) {
                Attempt a = p.outcome().attempt();
                Jdbc.bind(attempts, a.endpoint().value(), a.entry().seq(), a.webhookId(), a.number(), a.at(), a.status(),
                        a.latency().toMillis(), a.error().map(e -> e.length() > 2000 ? e.substring(0, 2000) : e));
                attempts.addBatch();
            }
            attempts.executeBatch();
        }
        boolean[] applied = new boolean[group.size()];
        try (PreparedStatement cursors = c.prepareStatement("""
                update endpoint_cursors set seq = ?, pending_seq = ?, pending_attempts = ?, next_attempt_at = ?, failing_since = ?
                where endpoint_id = ? and epoch = ?""")) {
            List<Integer> lines = new ArrayList<>();
            for (int i = 0; i < group.size(); i++) {
                Outcome o = group.get(i).outcome();
                if (o.progress().isEmpty()) {
                    applied[i] = true; // a re-sent dead letter leaves the line alone
                    continue;
                }
                Progress p = o.progress().get();
                Jdbc.bind(cursors, p.cursor().seq(), p.pending().map(x -> x.entry().seq()), p.pending().map(Progress.Pending::attempts).orElse(0),
                        p.pending().map(Progress.Pending::nextAttempt), p.failingSince(), o.attempt().endpoint().value(), o.epoch());
                cursors.addBatch();
                lines.add(i);
            }
            if (!lines.isEmpty()) {
                int[] counts = cursors.executeBatch();
                for (int j = 0; j < counts.length; j++) {
                    applied[lines.get(j)] = counts[j] != 0;
                }
            }
        }
        try (PreparedStatement reach = c.prepareStatement("""
                insert into deliveries (endpoint_id, seq, org_id, item_id, version, delivered_at, licensor_id)
                select ?, ?, ?, ?, ?, ?, (select licensor_id from routes where org_id = ? and seq = ?)
                where not exists (select 1 from deliveries where endpoint_id = ? and seq = ?)""")) {
            boolean any = false;
            for (Pending p : group) {
                Outcome o = p.outcome();
                if (o.delivered().isPresent()) {
                    // A fact whatever happened to the cursor meanwhile: the receiver has the entry.
                    Delivered d = o.delivered().get();
                    String endpoint = d.endpoint().value();
                    Jdbc.bind(reach, endpoint, d.entry().seq(), d.org().value(), d.item().value(), d.version(), d.at(), d.org().value(),
                            d.entry().seq(), endpoint, d.entry().seq());
                    reach.addBatch();
                    any = true;
                }
            }
            if (any) {
                reach.executeBatch();
            }
        }
        for (int i = 0; i < group.size(); i++) {
            follow(c, group.get(i).outcome(), applied[i]);
        }
        return applied;
    }

    private static void follow(Connection c, Outcome o, boolean applied) throws SQLException {
        String endpoint = o.attempt().endpoint().value();
        long seq = o.attempt().entry().seq();
        if (o.resend()) {
            if (o.delivered().isPresent()) {
                Jdbc.update(c, "delete from dead_letters where endpoint_id = ? and seq = ?", endpoint, seq);
            } else {
                Jdbc.update(c, "update dead_letters set attempts = attempts + 1, last_error = ?, resend_requested = false where endpoint_id = ? and seq = ?",
                        o.attempt().problem(), endpoint, seq);
            }
        }
        if (applied && o.deadLetter().isPresent()) {
            DeadLetter l = o.deadLetter().get();
            Jdbc.update(c, "delete from dead_letters where endpoint_id = ? and seq = ?", endpoint, seq);
            Jdbc.update(c, """
                    insert into dead_letters (endpoint_id, seq, item_id, version, event, attempts, dead_at, last_error, resend_requested)
                    values (?, ?, ?, ?, ?, ?, ?, ?, false)""",
                    endpoint, seq, l.item().value(), l.version(), l.event().wire(), l.attempts(), l.at(), l.lastError());
        }
        if (applied && o.disabled().isPresent()) {
            Jdbc.update(c, "update endpoints set state = 'disabled', reason = ? where id = ? and state = 'active'", o.disabled().get(), endpoint);
        }
    }

    @Override
    public List<Recorded> attempts(EndpointId endpoint, Optional<Long> before, int limit) {
        return jdbc.query("select * from delivery_attempts where endpoint_id = ? and id < ? order by id desc limit ?",
                JdbcDeliveries::recorded, endpoint.value(), before.orElse(Long.MAX_VALUE), limit);
    }

    @Override
    public List<DeadLetter> deadLetters(EndpointId endpoint, Cursor after, int limit) {
        return jdbc.query("select * from dead_letters where endpoint_id = ? and seq > ? order by seq limit ?",
                JdbcDeliveries::deadLetter, endpoint.value(), after.seq(), limit);
    }

    @Override
    public int requestResend(EndpointId endpoint, Optional<Cursor> entry) {
        return entry.isPresent()
                ? jdbc.update("update dead_letters set resend_requested = true where endpoint_id = ? and seq = ?", endpoint.value(), entry.get().seq())
                : jdbc.update("update dead_letters set resend_requested = true where endpoint_id = ?", endpoint.value());
    }

    @Override
    public List<DeadLetter> resendsRequested(EndpointId endpoint, int limit) {
        return jdbc.query("select * from dead_letters where endpoint_id = ? and resend_requested = true order by seq limit ?",
                JdbcDeliveries::deadLetter, endpoint.value(), limit);
    }

    @Override
    public boolean received(EndpointId endpoint, ItemId item) {
        // By item first: an item reaches few endpoints, so this needs no index of its own.
        return jdbc.one("select 1 from deliveries where item_id = ? and endpoint_id = ? limit 1", rs -> 1, item.value(), endpoint.value()).isPresent();
    }

    @Override
    public int pruneAttempts(Instant before, int limit) {
        // Chosen first, then deleted by key: one statement that both H2 and PostgreSQL run, touching only these rows.
        return jdbc.transaction(c -> {
            List<Long> ids = Jdbc.query(c, "select id from delivery_attempts where attempted_at < ? order by attempted_at limit ?",
                    rs -> rs.getLong(1), before, limit);
            if (ids.isEmpty()) {
                return 0;
            }
            String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
            return Jdbc.update(c, "delete from delivery_attempts where attempted_at < ? and id in (" + marks + ")",
                    Stream.concat(Stream.of(before), ids.stream()).toArray());
        });
    }

    @Override
    public int pruneDeadLetters(Instant before, int limit) {
        return jdbc.transaction(c -> {
            record Key(String endpoint, long seq) {}
            List<Key> keys = Jdbc.query(c, "select endpoint_id, seq from dead_letters where dead_at < ? and resend_requested = false order by dead_at limit ?",
                    rs -> new Key(rs.getString(1), rs.getLong(2)), before, limit);
            int removed = 0;
            try (PreparedStatement delete = c.prepareStatement(
                    "delete from dead_letters where endpoint_id = ? and seq = ? and dead_at < ? and resend_requested = false")) {
                for (Key k : keys) {
                    Jdbc.bind(delete, k.endpoint(), k.seq(), before);
                    delete.addBatch();
                }
                for (int count : keys.isEmpty() ? new int[0] : delete.executeBatch()) {
                    removed += Math.max(count, 0); // a re-send asked for meanwhile keeps its dead letter
                }
            }
            return removed;
        });
    }

    /** Reach facts of an item: who (org, endpoint) received which version when; for reach reports and tests. */
    public List<Delivered> reach(ItemId item) {
        return jdbc.query("select * from deliveries where item_id = ? order by seq, endpoint_id", rs -> new Delivered(
                new EndpointId(rs.getString("endpoint_id")), new ponte.core.orgs.OrgId(rs.getString("org_id")), new ItemId(rs.getString("item_id")),
                rs.getInt("version"), new Cursor(rs.getLong("seq")), Jdbc.instant(rs, "delivered_at"),
                Optional.ofNullable(rs.getString("licensor_id")).map(ponte.core.orgs.OrgId::new)), item.value());
    }

    private static Recorded recorded(ResultSet rs) throws SQLException {
        int status = rs.getInt("status");
        Optional<Integer> maybeStatus = rs.wasNull() ? Optional.empty() : Optional.of(status);
        Attempt a = new Attempt(new EndpointId(rs.getString("endpoint_id")), new Cursor(rs.getLong("seq")), rs.getString("webhook_id"),
                rs.getInt("attempt"), Jdbc.instant(rs, "attempted_at"), maybeStatus, Duration.ofMillis(rs.getLong("latency_ms")),
                Optional.ofNullable(rs.getString("error")));
        return new Recorded(rs.getLong("id"), a);
    }

    private static DeadLetter deadLetter(ResultSet rs) throws SQLException {
        return new DeadLetter(new EndpointId(rs.getString("endpoint_id")), new Cursor(rs.getLong("seq")), new ItemId(rs.getString("item_id")),
                rs.getInt("version"), Event.fromWire(rs.getString("event")), rs.getInt("attempts"), Jdbc.instant(rs, "dead_at"),
                rs.getString("last_error"));
    }

    @Override
    public void close() {
        running = false;
        try {
            journal.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ponte.app.TestNode.ninjs;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.core.delivery.Retention;
import ponte.core.delivery.Schedule;
import ponte.core.items.ItemId;
import ponte.core.fixtures.MovableClock;
import ponte.delivery.DeliverySettings;

/**
 * Delivery attempts and dead letters are kept for the retention (30 days by default) and pruned in the background
 * while delivery goes on; the content log, its routes and the first deliveries (reach facts) are kept for good. Real
 * receivers on loopback, a clock moved by hand, and a backlog of old attempts inserted as an upgraded node would
 * find them.
 */
class RetentionTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Old attempts waiting when pruning starts: many batches, so delivery runs between them. */
    private static final int BACKLOG = 20 * Retention.BATCH;

    @TempDir
    Path dataDir;
    private final MovableClock clock = new MovableClock(T0);
    private TestNode node;
    private Receiver receiver;
    private Networks.Keys keys;

    @BeforeEach
    void start() throws Exception {
        // Two immediate attempts, then a dead letter: a failing receiver makes dead letters without the clock moving.
        DeliverySettings delivery = DeliverySettings.defaults().allowingPrivate(true).withSchedule(Schedule.parse("0,0"))
                .withTimeout(Duration.ofSeconds(2)).withPoll(Duration.ofMillis(200));
        node = new TestNode(dataDir, clock, delivery);
        receiver = new Receiver();
        receiver.answer("/down", 503);
        keys = Networks.newsLicence(node, "KR");
    }

    @AfterEach
    void stop() throws Exception {
        node.close();
        receiver.close();
    }

    private long count(String sql, Object... params) {
        try (Connection c = node.handle().dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i] instanceof Instant t ? t.atOffset(ZoneOffset.UTC) : params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Attempts an upgraded node finds from before retention existed: old-dated rows for the endpoint. */
    private void insertOldAttempts(String endpoint, Instant at) throws SQLException {
        try (Connection c = node.handle().dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into delivery_attempts (endpoint_id, seq, webhook_id, attempt, attempted_at, status, latency_ms, error)
                values (?, ?, ?, 1, ?, 200, 5, null)""")) {
            for (int i = 0; i < BACKLOG; i++) {
                ps.setString(1, endpoint);
                ps.setLong(2, i + 1);
                ps.setString(3, "msg_old_" + i);
                ps.setObject(4, at.plusMillis(i).atOffset(ZoneOffset.UTC));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private List<String> publish(String prefix, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(node.publish(keys.editor("agency"), ninjs("it", prefix + " " + i), "news").get("id").asString());
        }
        return ids;
    }

    @Test
    void oldAttemptsAndDeadLettersArePrunedWhileDeliveryGoesOnAndReachFactsStay() throws Exception {
        TestNode.Hook ok = node.endpoint(keys.partner("partner"), receiver.url("/ok"), "ninjs", null);
        TestNode.Hook down = node.endpoint(keys.partner("partner"), receiver.url("/down"), "ninjs", null);
        List<String> old = publish("Vecchia", 3);
        await().atMost(WAIT).until(() -> receiver.delivered("/ok").size() == 3
                && count("select count(*) from dead_letters where endpoint_id = ?", down.id()) == 3);
        insertOldAttempts(ok.id(), T0.minus(Duration.ofDays(20))); // within the retention until the clock moves
        long oldAttempts = count("select count(*) from delivery_attempts");
        assertThat(oldAttempts).isEqualTo(BACKLOG + 3 + 6);

        clock.advance(Duration.ofDays(31));
        Instant cutoff = clock.instant().minus(Retention.DEFAULT);
        node.handle().pruneDeliveries();
        CompletableFuture<List<String>> fresh = CompletableFuture.supplyAsync(() -> publish("Nuova", 20));

        await().atMost(WAIT).until(() -> count("select count(*) from delivery_attempts where attempted_at < ?", cutoff) == 0);
        List<String> published = fresh.get();
        await().atMost(WAIT).until(() -> receiver.delivered("/ok").size() == 23);

        // Delivery went on: every new item reached the working endpoint, its attempts are kept.
        assertThat(receiver.delivered("/ok")).extracting(Receiver.Hit::headline).contains("Nuova 0", "Nuova 19");
        assertThat(count("select count(*) from delivery_attempts where endpoint_id = ? and attempted_at >= ?", ok.id(), cutoff)).isEqualTo(20);
        // The old dead letters are gone; what the pruning left is all from after the cutoff.
        assertThat(count("select count(*) from dead_letters where dead_at < ?", cutoff)).isZero();
        // Reach facts, the log and its routes are kept for good: the old items are still delivered facts and in the feed.
        for (String id : old) {
            assertThat(node.handle().reachOf(new ItemId(id))).as(id).isNotEmpty();
        }
        assertThat(count("select count(*) from deliveries where endpoint_id = ?", ok.id())).isEqualTo(23);
        assertThat(node.get("/v1/feed?limit=100", keys.partner("partner")).json().get("entries")).hasSize(23);
        assertThat(published).hasSize(20);
        // And operators see what was pruned.
        await().atMost(WAIT).untilAsserted(() -> assertThat(node.management("/metrics").raw().body())
                .containsPattern("ponte_retention_pruned_total\\{kind=\"attempts\"[^}]*\\} " + (BACKLOG + 9) + "\\.0")
                .containsPattern("ponte_retention_pruned_total\\{kind=\"dead_letters\"[^}]*\\} 3\\.0"));
    }
}

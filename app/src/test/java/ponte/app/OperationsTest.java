package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ponte.app.Networks.aNetwork;
import static ponte.app.TestNode.ninjs;
import static ponte.app.TestNode.publishBody;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ponte.core.delivery.Schedule;
import ponte.delivery.DeliverySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator reads: readiness that reflects the database, and Prometheus metrics of the log and of push delivery. */
class OperationsTest {
    @TempDir
    Path dataDir;

    @Test
    void readinessReflectsTheDatabaseAndMetricsCountTheLog() throws Exception {
        try (TestNode node = new TestNode(dataDir)) {
            TestNode.Answer ready = node.get("/ready", null);
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().get("checks").get("database").asString()).isEqualTo("up");

            String editor = aNetwork(node).agency("agency", "IT").withProducts("news").build().editor("agency");
            node.post("/v1/items", editor, publishBody(ninjs("it", "Uno"), "news"));
            node.post("/v1/items", editor, publishBody(ninjs("it", "Due"), "news"));

            // In production mode entries are counted as they come back from Kafka: a moment later.
            await().atMost(Duration.ofSeconds(20)).until(() -> node.get("/metrics", null).raw().body().contains("ponte_log_entries_total{event=\"published\"} 2.0"));
            TestNode.Answer metrics = node.get("/metrics", null);
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.contentType()).startsWith("text/plain");
            assertThat(metrics.raw().body())
                    .contains("ponte_log_head_seq 2.0")
                    .contains("ponte_log_entries_total{event=\"published\"} 2.0")
                    .contains("ponte_log_writer_queue_depth")
                    .contains("jvm_memory_used_bytes");

            node.handle().closeDatabase(); // the database goes away
            TestNode.Answer notReady = node.get("/ready", null);
            assertThat(notReady.status()).isEqualTo(503);
            assertThat(notReady.contentType()).startsWith("application/problem+json");
            assertThat(notReady.json().get("checks").get("database").asString()).isEqualTo("down");
        }
    }

    @Test
    void deliveryIsMeasuredPerEndpoint() throws Exception {
        DeliverySettings delivery = DeliverySettings.defaults().allowingPrivate(true).withSchedule(Schedule.parse("0,100,60000"));
        try (Receiver receiver = new Receiver(); TestNode node = new TestNode(dataDir, Clock.systemUTC(), delivery)) {
            Networks.Keys keys = Networks.newsLicence(node, "DE");
            String editor = keys.editor("agency");
            String partner = keys.partner("partner");
            receiver.answer("/down", 503);
            String up = node.post("/v1/endpoints", partner, "{\"url\":\"" + receiver.url("/up") + "\"}").json().get("id").asString();
            String down = node.post("/v1/endpoints", partner, "{\"url\":\"" + receiver.url("/down") + "\"}").json().get("id").asString();
            for (int i = 0; i < 3; i++) {
                node.post("/v1/items", editor, publishBody(ninjs("it", "Notizia " + i), "news"));
            }

            await().atMost(Duration.ofSeconds(20)).until(() -> value(node, "ponte_delivery_attempts_total", up, "delivered") == 3.0
                    && value(node, "ponte_delivery_attempts_total", down, "failed") >= 2.0);
            assertThat(value(node, "ponte_delivery_latency_seconds_count", up, null)).isEqualTo(3.0);
            assertThat(value(node, "ponte_delivery_latency_seconds_max", up, null)).isPositive().isLessThan(20.0);
            assertThat(value(node, "ponte_delivery_request_seconds_count", down, null)).isGreaterThanOrEqualTo(2.0);
            assertThat(value(node, "ponte_delivery_latency_seconds_count", down, null)).as("nothing delivered, no latency").isNaN();
            // The failing endpoint waits a minute for its next retry: its oldest entry ages; the other is caught up.
            await().atMost(Duration.ofSeconds(10)).until(() -> value(node, "ponte_delivery_behind_seconds", down, null) >= 1.0);
            assertThat(value(node, "ponte_delivery_behind_seconds", up, null)).isEqualTo(0.0);
        }
    }

    /** A sample of the endpoint's series (and result, if given) from /metrics; NaN when there is none. */
    private static double value(TestNode node, String series, String endpoint, String result) {
        String body = node.get("/metrics", null).raw().body();
        Matcher m = Pattern.compile("(?m)^" + series + "\\{([^}]*)\\} (\\S+)$").matcher(body);
        while (m.find()) {
            String labels = m.group(1);
            if (labels.contains("endpoint=\"" + endpoint + "\"") && labels.contains("org=\"partner\"")
                    && (result == null || labels.contains("result=\"" + result + "\""))) {
                return Double.parseDouble(m.group(2));
            }
        }
        return Double.NaN;
    }
}

package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ponte.app.Networks.aNetwork;
import static ponte.app.TestNode.ninjs;
import static ponte.app.TestNode.publishBody;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ponte.core.delivery.Schedule;
import ponte.delivery.DeliverySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator reads: readiness that reflects the database, and Prometheus metrics of the log and of push delivery,
 * on the management port only, with no tenant named in them.
 */
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
            await().atMost(Duration.ofSeconds(20)).until(() -> node.management("/metrics").raw().body().contains("ponte_log_entries_total{event=\"published\"} 2.0"));
            TestNode.Answer metrics = node.management("/metrics");
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.contentType()).startsWith("text/plain");
            assertThat(metrics.raw().body())
                    .contains("ponte_log_head_seq 2.0")
                    .contains("ponte_log_entries_total{event=\"published\"} 2.0")
                    .contains("ponte_log_writer_queue_depth")
                    .contains("jvm_memory_used_bytes");

            node.handle().closeDatabase(); // the database goes away
            for (TestNode.Answer notReady : List.of(node.get("/ready", null), node.management("/ready"))) {
                assertThat(notReady.status()).isEqualTo(503);
                assertThat(notReady.contentType()).startsWith("application/problem+json");
                assertThat(notReady.json().get("checks").get("database").asString()).isEqualTo("down");
            }
        }
    }

    @Test
    void metricsAreServedOnTheManagementPortAndNotOnTheApiPort() throws Exception {
        try (TestNode node = new TestNode(dataDir)) {
            String editor = aNetwork(node).agency("agency", "IT").withProducts("news").build().editor("agency");
            for (String key : java.util.Arrays.asList(null, editor, TestNode.ADMIN)) {
                TestNode.Answer onApi = node.get("/metrics", key);
                assertThat(onApi.status()).as("GET /metrics on the API port, key %s", key).isEqualTo(404);
                assertThat(onApi.contentType()).startsWith("application/problem+json");
                assertThat(onApi.raw().body()).doesNotContain("ponte_");
            }
            assertThat(node.handle().managementPort()).isNotEqualTo(node.handle().port());
            assertThat(node.management("/metrics").status()).isEqualTo(200);
            assertThat(node.management("/health").json().get("status").asString()).isEqualTo("ok");
            assertThat(node.management("/ready").status()).isEqualTo(200);
            assertThat(node.management("/v1/feed").status()).as("the API is not on the management port").isEqualTo(404);
        }
    }

    @Test
    void deliveryIsMeasuredOverTheNodesEndpointsWithoutNamingThem() throws Exception {
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

            await().atMost(Duration.ofSeconds(20)).until(() -> value(node, "ponte_delivery_attempts_total{result=\"delivered\"}") == 3.0
                    && value(node, "ponte_delivery_attempts_total{result=\"failed\"}") >= 2.0);
            assertThat(value(node, "ponte_delivery_latency_seconds_count")).as("only the endpoint that answers delivers").isEqualTo(3.0);
            assertThat(value(node, "ponte_delivery_latency_seconds_max")).isPositive().isLessThan(20.0);
            assertThat(value(node, "ponte_delivery_request_seconds_count")).isGreaterThanOrEqualTo(5.0);
            assertThat(value(node, "ponte_delivery_endpoints")).isEqualTo(2.0);
            // The failing endpoint waits a minute for its next retry: its oldest entry ages; the other is caught up.
            await().atMost(Duration.ofSeconds(10)).until(() -> value(node, "ponte_delivery_behind_seconds") >= 1.0);
            assertThat(value(node, "ponte_delivery_endpoints_behind")).isEqualTo(1.0);
            String scrape = node.management("/metrics").raw().body();
            assertThat(scrape).doesNotContain(up).doesNotContain(down).doesNotContain("partner").doesNotContain("agency")
                    .doesNotContain("endpoint=\"").doesNotContain("org=\"");
        }
    }

    /** The value of one series (name and labels as scraped) from /metrics on the management port; NaN when there is none. */
    private static double value(TestNode node, String series) {
        String body = node.management("/metrics").raw().body();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }
}

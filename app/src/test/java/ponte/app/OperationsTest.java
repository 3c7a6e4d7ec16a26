package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ponte.app.TestNode.ninjs;
import static ponte.app.TestNode.publishBody;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator reads: readiness that reflects the database, and Prometheus metrics of the log. */
class OperationsTest {
    @TempDir
    Path dataDir;

    @Test
    void readinessReflectsTheDatabaseAndMetricsCountTheLog() throws Exception {
        try (TestNode node = new TestNode(dataDir)) {
            TestNode.Answer ready = node.get("/ready", null);
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().get("checks").get("database").asString()).isEqualTo("up");

            node.org("agency", "IT");
            String editor = node.key("agency", "editor");
            node.product(editor, "news");
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

            node.wiring().database.close(); // the database goes away
            TestNode.Answer notReady = node.get("/ready", null);
            assertThat(notReady.status()).isEqualTo(503);
            assertThat(notReady.contentType()).startsWith("application/problem+json");
            assertThat(notReady.json().get("checks").get("database").asString()).isEqualTo("down");
        }
    }
}

package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ponte.app.TestNode.ninjs;
import static ponte.app.TestNode.publishBody;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.core.delivery.Schedule;
import ponte.core.fixtures.MovableClock;
import ponte.delivery.DeliverySettings;
import tools.jackson.databind.JsonNode;

/**
 * The real schedule (immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h) and the 5-day rule, on a clock the test
 * moves: each attempt's webhook-timestamp is exactly where the schedule puts it.
 */
class RetryScheduleTest {
    static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void failingEndpointIsRetriedOnTheGatewayScheduleDeadLetteredAndDisabledAfterFiveDaysOfFailures() throws Exception {
        MovableClock clock = new MovableClock(T0);
        DeliverySettings delivery = DeliverySettings.defaults().allowingPrivate(true).withPoll(Duration.ofMillis(20)).withTimeout(Duration.ofSeconds(5));
        try (TestNode node = new TestNode(dataDir, clock, delivery); Receiver receiver = new Receiver()) {
            Networks.Keys keys = Networks.newsLicence(node, "DE");
            String editor = keys.editor("agency");
            String partner = keys.partner("partner");
            receiver.answer("/broken", 500);
            String id = node.post("/v1/endpoints", partner, "{\"url\":\"" + receiver.url("/broken") + "\"}").json().get("id").asString();
            String entry = node.post("/v1/items", editor, publishBody(ninjs("it", "Never taken"), "news")).json().get("cursor").asString();

            List<Long> expected = new ArrayList<>();
            Instant due = T0;
            for (int attempt = 1; attempt <= Schedule.DEFAULT.attempts(); attempt++) {
                Duration wait = Schedule.DEFAULT.delays().get(attempt - 1);
                clock.advance(wait);
                due = due.plus(wait);
                expected.add(due.getEpochSecond());
                int n = attempt;
                await().atMost(Duration.ofSeconds(10)).until(() -> receiver.hits("/broken").size() == n);
                if (attempt < Schedule.DEFAULT.attempts()) {
                    Instant next = due.plus(Schedule.DEFAULT.delays().get(attempt));
                    await().atMost(Duration.ofSeconds(10)).until(() -> node.get("/v1/endpoints/" + id, partner).json().path("retrying").path("nextAttemptAt").asString("").equals(next.toString()));
                }
            }
            assertThat(receiver.hits("/broken")).extracting(h -> Long.parseLong(h.timestamp())).containsExactlyElementsOf(expected);
            assertThat(receiver.hits("/broken")).extracting(Receiver.Hit::id).containsOnly("msg_" + id + "_" + entry);
            await().atMost(Duration.ofSeconds(10)).until(() -> node.get("/v1/endpoints/" + id + "/dead-letters", partner).json().get("items").size() == 1);
            JsonNode letter = node.get("/v1/endpoints/" + id + "/dead-letters", partner).json().get("items").get(0);
            assertThat(letter.get("attempts").asInt()).isEqualTo(8);
            assertThat(letter.get("deadAt").asString()).isEqualTo(due.toString());
            assertThat(node.get("/v1/endpoints/" + id, partner).json().get("state").asString()).isEqualTo("active");

            // Five days after the first failure, with not one success since, the next failure disables the endpoint.
            clock.advance(Duration.ofDays(5));
            node.post("/v1/items", editor, publishBody(ninjs("it", "Also refused"), "news"));
            await().atMost(Duration.ofSeconds(10)).until(() -> node.get("/v1/endpoints/" + id, partner).json().get("state").asString().equals("disabled"));
            String reason = node.get("/v1/endpoints/" + id, partner).json().get("reason").asString();
            assertThat(reason).contains("failed since " + T0).contains("5 days").contains("HTTP 500");
        }
    }
}

package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.app.Networks.aNetwork;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.core.fixtures.MovableClock;

/** An Idempotency-Key is remembered for the retention (24 hours unless configured), then forgotten. */
class IdempotencyRetentionTest {
    private static final String LICENCE = "{\"licensee\":\"partner\",\"products\":[\"news\"]}";

    @TempDir
    Path dataDir;

    @Test
    void aKeyIsRememberedForADayThenForgotten() throws Exception {
        MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        try (TestNode node = new TestNode(dataDir, clock)) {
            String editor = aNetwork(node).agency("agency", "IT").withProducts("news").partner("partner", "DE").build().editor("agency");
            TestNode.Answer first = node.post("/v1/licences", editor, LICENCE, "Idempotency-Key", "daily-grant");

            clock.advance(Duration.ofHours(23));
            assertThat(node.handle().forgetOldIdempotencyKeys()).isZero();
            TestNode.Answer nextDay = node.post("/v1/licences", editor, LICENCE, "Idempotency-Key", "daily-grant");

            clock.advance(Duration.ofHours(2));
            assertThat(node.handle().forgetOldIdempotencyKeys()).isEqualTo(1);
            TestNode.Answer afterRetention = node.post("/v1/licences", editor, LICENCE, "Idempotency-Key", "daily-grant");

            assertThat(nextDay.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(nextDay.raw().body()).isEqualTo(first.raw().body());
            assertThat(afterRetention.status()).isEqualTo(201);
            assertThat(afterRetention.header("Idempotent-Replayed")).as("a new request: the key was forgotten").isEmpty();
            assertThat(afterRetention.raw().body()).isNotEqualTo(first.raw().body());
        }
    }
}

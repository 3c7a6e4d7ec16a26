package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.app.Networks.aNetwork;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import ponte.api.ApiSettings;
import ponte.api.RateLimit;
import ponte.core.fixtures.MovableClock;

/**
 * Rate limits per key, and per client address for requests without a valid key: a burst beyond the bucket is a 429
 * with Retry-After and the RateLimit fields, other keys go on unaffected, and the bucket refills with time. The node's
 * clock stands still unless moved, so every count here is exact.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitTest {
    private static final RateLimit PER_KEY = new RateLimit(2, 5);
    private static final RateLimit PER_ADDRESS = new RateLimit(1, 3);

    @TempDir
    static Path dataDir;

    final MovableClock clock = new MovableClock(Instant.parse("2026-05-01T06:00:00Z"));
    TestNode node;
    String partner;
    String other;

    @BeforeAll
    void start() throws Exception {
        // The network is set up without limits; the limited node then opens the same data directory.
        Settings settings = TestDatabase.settingsFor(dataDir, TestNode.ADMIN);
        try (TestNode setUp = new TestNode(settings.withApi(ApiSettings.defaults().withoutRateLimits()), clock)) {
            Networks.Keys keys = aNetwork(setUp).agency("agency", "IT").withProducts("news").licensedTo("partner")
                    .partner("partner", "DE").partner("other", "FR").build();
            partner = keys.partner("partner");
            other = keys.partner("other");
        }
        node = new TestNode(settings.withApi(ApiSettings.defaults().withRateLimits(Optional.of(PER_KEY), Optional.of(PER_ADDRESS))), clock);
    }

    @AfterAll
    void stop() throws Exception {
        node.close();
    }

    @Test
    void aBurstBeyondTheBucketIsTooManyRequestsAndOtherKeysGoOn() {
        List<TestNode.Answer> burst = new ArrayList<>();
        for (int i = 0; i < PER_KEY.burst() + 2; i++) {
            burst.add(node.get("/v1/feed", partner));
        }
        TestNode.Answer otherKey = node.get("/v1/feed", other);
        clock.advance(Duration.ofSeconds(1));
        TestNode.Answer aSecondLater = node.get("/v1/feed", partner);

        assertThat(burst.subList(0, 5)).extracting(TestNode.Answer::status).containsOnly(200);
        assertThat(burst.subList(0, 5)).extracting(a -> a.header("RateLimit"))
                .containsExactly("\"key\";r=4;t=1", "\"key\";r=3;t=1", "\"key\";r=2;t=2", "\"key\";r=1;t=2", "\"key\";r=0;t=3");
        TestNode.Answer limited = burst.get(5);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.json().get("status").asInt()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("1");
        assertThat(limited.header("RateLimit")).isEqualTo("\"key\";r=0;t=3");
        assertThat(limited.header("RateLimit-Policy")).isEqualTo("\"key\";q=5;w=3");
        assertThat(burst.get(6).status()).isEqualTo(429);
        assertThat(otherKey.status()).isEqualTo(200);
        assertThat(aSecondLater.status()).as("two requests a second refill").isEqualTo(200);
    }

    @Test
    void behindATrustedProxyEachClientItNamesHasItsOwnBucket() throws Exception {
        Settings behindProxy = TestDatabase.settingsFor(dataDir.resolve("behind-proxy"), TestNode.ADMIN).behind(List.of("127.0.0.1"))
                .withApi(ApiSettings.defaults().withRateLimits(Optional.of(PER_KEY), Optional.of(PER_ADDRESS)));
        try (TestNode proxied = new TestNode(behindProxy, clock)) {
            proxied.forwardFor("203.0.113.7");
            List<Integer> first = new ArrayList<>();
            for (int i = 0; i < PER_ADDRESS.burst() + 1; i++) {
                first.add(proxied.get("/openapi.json", null).status());
            }
            proxied.forwardFor("2001:db8:7:1::15");
            TestNode.Answer another = proxied.get("/openapi.json", null);
            proxied.forwardFor("2001:db8:7:1::16");
            proxied.get("/openapi.json", null);
            proxied.get("/openapi.json", null);
            TestNode.Answer sameSlash64 = proxied.get("/openapi.json", null);

            assertThat(first).containsExactly(200, 200, 200, 429);
            assertThat(another.status()).as("another client behind the same proxy").isEqualTo(200);
            assertThat(sameSlash64.status()).as("an IPv6 client counts by its /64").isEqualTo(429);
        }
    }

    @Test
    void requestsWithoutAValidKeyCountPerAddressAndProbesNever() {
        List<Integer> statuses = new ArrayList<>();
        statuses.add(node.get("/openapi.json", null).status());
        statuses.add(node.get("/v1/feed", "not-a-key").status());
        statuses.add(node.get("/docs", null).status());
        TestNode.Answer fourth = node.get("/openapi.json", null);
        TestNode.Answer probe = node.get("/health", null);
        TestNode.Answer keyed = node.get("/v1/orgs/agency", other);
        clock.advance(Duration.ofSeconds(1));
        TestNode.Answer later = node.get("/openapi.json", null);

        assertThat(statuses).containsExactly(200, 401, 200);
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.header("RateLimit-Policy")).isEqualTo("\"address\";q=3;w=3");
        assertThat(fourth.header("Retry-After")).isEqualTo("1");
        assertThat(probe.status()).isEqualTo(200);
        assertThat(probe.header("RateLimit")).isEmpty();
        assertThat(keyed.status()).as("a valid key counts against its own bucket, not the address's").isEqualTo(200);
        assertThat(later.status()).isEqualTo(200);
    }
}

package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ponte.app.Networks.aNetwork;
import static ponte.app.TestNode.ninjs;
import static ponte.app.TestNode.publishBody;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import ponte.outbound.AddressGuard;

/**
 * Idempotency-Key on POST: a retry gets the first answer and changes nothing, whatever it creates (a licence, an
 * agreement, an item, an endpoint, a source); the same key with another request is refused; a retry while the first
 * still runs is told to wait; the answers kept cannot be read from the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyTest {
    private static final String LICENCE = "{\"licensee\":\"partner\",\"products\":[\"news\"]}";

    @TempDir
    static Path dataDir;

    Receiver receiver;
    String hooks;
    final CountDownLatch slowDns = new CountDownLatch(1);
    TestNode node;
    Networks.Keys keys;

    @BeforeAll
    void start() throws Exception {
        receiver = new Receiver();
        int port = URI.create(receiver.url("/")).getPort();
        hooks = "http://hooks.partner.example:" + port;
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        // The receiver stands for a public host; "slow.partner.example" resolves only when the test lets it.
        AddressGuard guard = new AddressGuard(false, host -> {
            if (host.equals("slow.partner.example")) {
                awaitQuietly(slowDns);
            }
            return new InetAddress[] {loopback};
        }).trusting(new InetSocketAddress(loopback, port));
        node = new TestNode(dataDir, Clock.systemUTC(), guard);
        keys = aNetwork(node).agency("agency", "IT").withKey("admin").withProducts("news").partner("partner", "DE").build();
    }

    @AfterAll
    void stop() throws Exception {
        slowDns.countDown();
        node.close();
        receiver.close();
    }

    @Test
    void aRetriedLicenceGrantAnswersTheFirstAndMakesOneAgreement() throws Exception {
        int before = count("agreements");

        TestNode.Answer first = node.post("/v1/licences", editor(), LICENCE, "Idempotency-Key", "grant-news-1");
        TestNode.Answer retry = node.post("/v1/licences", editor(), LICENCE, "Idempotency-Key", "grant-news-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.raw().body()).isEqualTo(first.raw().body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.contentType()).isEqualTo(first.contentType());
        assertThat(count("agreements")).isEqualTo(before + 1);
    }

    @Test
    void withoutAKeyEachGrantIsAnotherAgreement() throws Exception {
        int before = count("agreements");

        node.post("/v1/licences", editor(), LICENCE);
        node.post("/v1/licences", editor(), LICENCE);

        assertThat(count("agreements")).isEqualTo(before + 2);
    }

    @Test
    void aRetriedProposalAnswersItsCreationAgain() {
        String proposal = """
                {"id":"retried-proposal","title":"Retried","parties":["agency"],
                 "grants":[{"licensor":"agency","licensee":"partner","products":["news"]}]}""";

        TestNode.Answer first = node.post("/v1/agreements", editor(), proposal, "Idempotency-Key", "propose-1");
        TestNode.Answer retry = node.post("/v1/agreements", editor(), proposal, "Idempotency-Key", "propose-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.raw().body()).isEqualTo(first.raw().body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location")).isEqualTo("/v1/agreements/retried-proposal");
    }

    @Test
    void aRetriedPublishAnswersTheFirstReceiptAndAppendsNothing() {
        String item = publishBody(ninjs("it", "Una volta sola"), "news");
        TestNode.Answer first = node.post("/v1/items", editor(), item, "Idempotency-Key", "publish-once");
        long head = node.handle().head().seq();

        TestNode.Answer retry = node.post("/v1/items", editor(), item, "Idempotency-Key", "publish-once");

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(node.handle().head().seq()).isEqualTo(head);
    }

    @Test
    void aRetriedEndpointAnswersTheSameEndpointAndSecret() throws Exception {
        List<TestNode.Answer> answers = sentTwiceMakingOne("/v1/endpoints", partner(), "{\"url\":\"" + hooks + "/retried\"}", "endpoints");

        assertThat(answers.getLast().json().get("secret")).isEqualTo(answers.getFirst().json().get("secret"));
    }

    @Test
    void aRetriedSourceAnswersTheSameSource() throws Exception {
        sentTwiceMakingOne("/v1/ingest/sources", editor(),
                "{\"url\":\"" + hooks + "/feed.atom\",\"format\":\"atom\",\"intervalSeconds\":3600,\"products\":[\"news\"]}", "ingest_sources");
    }

    /** Sends a create twice under one Idempotency-Key: both answers name one new row of {@code table}. */
    private List<TestNode.Answer> sentTwiceMakingOne(String path, String key, String body, String table) throws Exception {
        int before = count(table);

        TestNode.Answer first = node.post(path, key, body, "Idempotency-Key", "create " + path);
        TestNode.Answer retry = node.post(path, key, body, "Idempotency-Key", "create " + path);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(count(table)).isEqualTo(before + 1);
        return List.of(first, retry);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndChangesNothing() throws Exception {
        node.post("/v1/licences", editor(), LICENCE, "Idempotency-Key", "grant-news-2");
        int before = count("agreements");

        TestNode.Answer other = node.post("/v1/licences", editor(), "{\"licensee\":\"agency\",\"products\":[\"news\"]}",
                "Idempotency-Key", "grant-news-2");

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.json().get("type").asString()).endsWith("/idempotency-key-reused");
        assertThat(count("agreements")).isEqualTo(before);
    }

    @Test
    void theSameKeyOnAnotherPathIsAnotherRequestToo() {
        node.post("/v1/licences", editor(), LICENCE, "Idempotency-Key", "shared-key");

        TestNode.Answer other = node.post("/v1/products", editor(), "{\"id\":\"sport\",\"name\":\"Sport\"}", "Idempotency-Key", "shared-key");

        assertThat(other.status()).isEqualTo(422);
    }

    @Test
    void keysBelongToTheApiKeyThatSentThem() throws Exception {
        int before = count("agreements");

        TestNode.Answer byEditor = node.post("/v1/licences", editor(), LICENCE, "Idempotency-Key", "everyones-first-key");
        TestNode.Answer byAdmin = node.post("/v1/licences", keys.key("agency", "admin"), LICENCE, "Idempotency-Key", "everyones-first-key");

        assertThat(byEditor.status()).isEqualTo(201);
        assertThat(byAdmin.status()).isEqualTo(201);
        assertThat(byAdmin.header("Idempotent-Replayed")).isEmpty();
        assertThat(count("agreements")).isEqualTo(before + 2);
    }

    @Test
    void aRefusalIsAnsweredAgainToItsRetry() {
        String unknownLicensee = "{\"licensee\":\"nobody\",\"products\":[\"news\"]}";

        TestNode.Answer first = node.post("/v1/licences", editor(), unknownLicensee, "Idempotency-Key", "refused-1");
        TestNode.Answer retry = node.post("/v1/licences", editor(), unknownLicensee, "Idempotency-Key", "refused-1");

        assertThat(first.status()).isBetween(400, 499);
        assertThat(retry.status()).isEqualTo(first.status());
        assertThat(retry.raw().body()).isEqualTo(first.raw().body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void aKeyThatIsNotOneToTwoHundredFiftyFivePrintableAsciiCharactersIsMalformed() throws Exception {
        int before = count("agreements");
        for (String bad : List.of("x".repeat(256), "\"\"", " ")) {
            TestNode.Answer answer = node.post("/v1/licences", editor(), LICENCE, "Idempotency-Key", bad);
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(count("agreements")).isEqualTo(before);
    }

    @Test
    void aStructuredFieldStringKeyIsTheSameKeyAsItsBareForm() {
        TestNode.Answer quoted = node.post("/v1/licences", editor(), LICENCE, "Idempotency-Key", "\"8e03978e-40d5-43e8-bc93-6894a57f9324\"");
        TestNode.Answer bare = node.post("/v1/licences", editor(), LICENCE, "Idempotency-Key", "8e03978e-40d5-43e8-bc93-6894a57f9324");

        assertThat(quoted.status()).isEqualTo(201);
        assertThat(bare.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void aRetryWhileTheFirstRequestRunsIsAConflictAndTheFirstStillAnswersOnce() throws Exception {
        String endpoint = "{\"url\":\"" + hooks.replace("hooks.", "slow.") + "/slow\"}";
        // The first request waits inside its handler, for the endpoint's host to resolve.
        CompletableFuture<TestNode.Answer> first = CompletableFuture.supplyAsync(
                () -> node.post("/v1/endpoints", partner(), endpoint, "Idempotency-Key", "slow-hook"));
        TestNode.Answer meanwhile = awaitConflict(endpoint);

        slowDns.countDown();
        TestNode.Answer answered = first.get(30, TimeUnit.SECONDS);
        TestNode.Answer after = node.post("/v1/endpoints", partner(), endpoint, "Idempotency-Key", "slow-hook");

        assertThat(meanwhile.status()).isEqualTo(409);
        assertThat(meanwhile.header("Retry-After")).isEqualTo("1");
        assertThat(meanwhile.json().get("type").asString()).endsWith("/idempotency-key-in-use");
        assertThat(answered.status()).isEqualTo(201);
        assertThat(after.json().get("id")).isEqualTo(answered.json().get("id"));
    }

    @Test
    void anIssuedKeysSecretIsNotReadableInTheKeptAnswer() throws Exception {
        TestNode.Answer issued = node.post("/v1/orgs/partner/keys", TestNode.ADMIN, "{\"role\":\"partner\"}", "Idempotency-Key", "issue-1");
        TestNode.Answer retry = node.post("/v1/orgs/partner/keys", TestNode.ADMIN, "{\"role\":\"partner\"}", "Idempotency-Key", "issue-1");
        String secret = issued.json().get("key").asString();

        assertThat(retry.json().get("key").asString()).isEqualTo(secret);
        List<String> kept = new ArrayList<>();
        try (Connection c = node.handle().dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("select answer from idempotency_keys where answer is not null")) {
            while (rs.next()) {
                kept.add(new String(rs.getBytes(1), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(kept).isNotEmpty().noneMatch(answer -> answer.contains(secret));
    }

    /** Once the first request (sent on another thread) holds the key, the same request again. */
    private TestNode.Answer awaitConflict(String endpoint) {
        await().atMost(Duration.ofSeconds(30)).until(() -> count("idempotency_keys where idempotency_key = 'slow-hook' and status is null") == 1);
        return node.post("/v1/endpoints", partner(), endpoint, "Idempotency-Key", "slow-hook");
    }

    private String editor() {
        return keys.editor("agency");
    }

    private String partner() {
        return keys.partner("partner");
    }

    private int count(String tableAndCondition) throws Exception {
        try (Connection c = node.handle().dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery("select count(*) from " + tableAndCondition)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

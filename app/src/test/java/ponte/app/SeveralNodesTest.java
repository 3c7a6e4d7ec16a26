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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.api.Authenticator;
import ponte.core.delivery.Schedule;
import ponte.delivery.DeliverySettings;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes on one PostgreSQL, without Kafka: what one node changes in the network (orgs, licences) counts on the
 * other for every read that follows, not a poll interval later; what a partner asks of an endpoint through one
 * node (a re-send, a replay) is carried out by the node delivering to it; and a key revoked through one node is
 * refused by every other within the stated bound.
 */
class SeveralNodesTest {
    @TempDir
    static Path dataDir;

    @Test
    void aFeedReadOnAnotherNodeJustAfterALicenceIsGrantedMissesNoEntry() throws Exception {
        Optional<String> db = TestDatabase.postgresUrlFor(dataDir);
        try (TestNode writing = new TestNode(new Settings("127.0.0.1", 0, dataDir.resolve("a"), db, TestNode.ADMIN), Clock.systemUTC());
             TestNode reading = new TestNode(new Settings("127.0.0.1", 0, dataDir.resolve("b"), db, TestNode.ADMIN), Clock.systemUTC())) {
            Networks.Keys keys = aNetwork(writing).agency("agency", "IT").partner("partner", "DE").build();
            String editor = keys.editor("agency");
            String partner = keys.partner("partner");
            String cursor = "";
            for (int round = 0; round < 5; round++) {
                // A new product under a new licence each round: the reading node has never seen either.
                String product = "special-" + round;
                writing.product(editor, product);
                writing.licence(editor, "partner", product);
                assertThat(writing.post("/v1/items", editor, publishBody(ninjs("it", "Speciale " + round), product)).status()).isEqualTo(201);

                JsonNode page = reading.get("/v1/feed" + (cursor.isEmpty() ? "" : "?after=" + cursor), partner).json();
                assertThat(page.get("entries").size()).as("round %d: the entry is in the page its cursor moves past", round).isEqualTo(1);
                assertThat(page.get("entries").get(0).get("item").get("headlines").get(0).get("value").asString()).isEqualTo("Speciale " + round);
                cursor = page.get("next").asString();
            }
        }
    }

    @Test
    void reSendsAndReplaysAskedThroughAnyNodeAreCarriedOutByTheNodeDelivering() throws Exception {
        Optional<String> db = TestDatabase.postgresUrlFor(dataDir.resolve("asks"));
        DeliverySettings delivery = DeliverySettings.defaults().allowingPrivate(true).withSchedule(Schedule.parse("0,50"));
        Duration wait = Duration.ofSeconds(20); // a lease round is 3 s
        try (Receiver receiver = new Receiver();
             TestNode delivering = new TestNode(new Settings("127.0.0.1", 0, dataDir.resolve("asks-a"), db, TestNode.ADMIN), Clock.systemUTC(), delivery);
             TestNode other = new TestNode(new Settings("127.0.0.1", 0, dataDir.resolve("asks-b"), db, TestNode.ADMIN), Clock.systemUTC(), delivery)) {
            Networks.Keys keys = Networks.newsLicence(delivering, "DE");
            AtomicBoolean up = new AtomicBoolean(false);
            receiver.answer("/hook", hit -> up.get() ? 200 : 503);
            String id = delivering.post("/v1/endpoints", keys.partner("partner"), "{\"url\":\"" + receiver.url("/hook") + "\"}").json().get("id").asString();
            assertThat(delivering.handle().delivering()).as("created here, claimed here").contains(new ponte.core.delivery.EndpointId(id));
            delivering.post("/v1/items", keys.editor("agency"), publishBody(ninjs("it", "Rimandata"), "news"));
            await().atMost(wait).until(() -> other.get("/v1/endpoints/" + id + "/dead-letters", keys.partner("partner")).json().get("items").size() == 1);

            up.set(true);
            assertThat(other.post("/v1/endpoints/" + id + "/dead-letters/resend", keys.partner("partner"), "").status()).isEqualTo(202);
            await().atMost(wait).until(() -> receiver.delivered("/hook").size() == 1);

            String first = delivering.post("/v1/items", keys.editor("agency"), publishBody(ninjs("it", "Seconda"), "news")).json().get("cursor").asString();
            await().atMost(wait).until(() -> receiver.delivered("/hook").size() == 2);
            // The endpoint is idle now: only the replay asked through the other node can make it send again.
            String before = new ponte.core.log.Cursor(ponte.core.log.Cursor.parse("cursor", first).seq() - 1).encode();
            assertThat(other.post("/v1/endpoints/" + id + "/replay", keys.partner("partner"), "{\"from\":\"" + before + "\"}").status()).isEqualTo(200);
            await().atMost(wait).until(() -> receiver.delivered("/hook").size() == 3);
            List<Receiver.Hit> hits = receiver.delivered("/hook");
            assertThat(hits.get(2).id()).isEqualTo(hits.get(1).id());
            assertThat(other.handle().delivering()).as("one deliverer").doesNotContain(new ponte.core.delivery.EndpointId(id));
        }
    }

    @Test
    void endpointsAllCreatedThroughOneNodeAreSharedWithANodeThatHoldsNone() throws Exception {
        Optional<String> db = TestDatabase.postgresUrlFor(dataDir.resolve("share"));
        DeliverySettings delivery = DeliverySettings.defaults().allowingPrivate(true);
        try (Receiver receiver = new Receiver();
             TestNode busy = new TestNode(new Settings("127.0.0.1", 0, dataDir.resolve("share-a"), db, TestNode.ADMIN), Clock.systemUTC(), delivery);
             TestNode idle = new TestNode(new Settings("127.0.0.1", 0, dataDir.resolve("share-b"), db, TestNode.ADMIN), Clock.systemUTC(), delivery)) {
            Networks.Keys keys = Networks.newsLicence(busy, "DE");
            for (int e = 0; e < 6; e++) {
                busy.post("/v1/endpoints", keys.partner("partner"), "{\"url\":\"" + receiver.url("/hook" + e) + "\"}");
            }
            // Each created endpoint is claimed by the node it was created through; the lease rounds then even it out.
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    busy.handle().delivering().size() == 3 && idle.handle().delivering().size() == 3);
        }
    }

    @Test
    void anEntryPublishedThroughOneNodeIsPushedAtOnceByTheNodeDeliveringToTheEndpoint() throws Exception {
        Optional<String> db = TestDatabase.postgresUrlFor(dataDir.resolve("wake"));
        DeliverySettings delivery = DeliverySettings.defaults().allowingPrivate(true); // pushers poll every 30 s
        try (Receiver receiver = new Receiver();
             TestNode delivering = new TestNode(new Settings("127.0.0.1", 0, dataDir.resolve("wake-a"), db, TestNode.ADMIN), Clock.systemUTC(), delivery);
             TestNode publishing = new TestNode(new Settings("127.0.0.1", 0, dataDir.resolve("wake-b"), db, TestNode.ADMIN), Clock.systemUTC(), delivery)) {
            Networks.Keys keys = Networks.newsLicence(delivering, "DE");
            delivering.post("/v1/endpoints", keys.partner("partner"), "{\"url\":\"" + receiver.url("/wake") + "\"}");
            for (int i = 0; i < 3; i++) {
                publishing.post("/v1/items", keys.editor("agency"), publishBody(ninjs("it", "Sveglia " + i), "news"));
                int expected = i + 1;
                // Without Kafka the other node hears of the entry through PostgreSQL's LISTEN/NOTIFY, not its poll.
                await().atMost(Duration.ofSeconds(3)).until(() -> receiver.delivered("/wake").size() == expected);
            }
            assertThat(publishing.handle().delivering()).isEmpty();
        }
    }

    @Test
    void aKeyRevokedThroughOneNodeIsRefusedByAnotherWithinTheStatedBound() throws Exception {
        Optional<String> db = TestDatabase.postgresUrlFor(dataDir.resolve("keys"));
        try (TestNode revoking = new TestNode(new Settings("127.0.0.1", 0, dataDir.resolve("keys-a"), db, TestNode.ADMIN), Clock.systemUTC());
             TestNode other = new TestNode(new Settings("127.0.0.1", 0, dataDir.resolve("keys-b"), db, TestNode.ADMIN), Clock.systemUTC())) {
            revoking.org("leaky", "IT");
            String leaked = revoking.key("leaky", "editor");
            String id = revoking.get("/v1/orgs/leaky/keys", TestNode.ADMIN).json().get("items").get(0).get("id").asString();
            assertThat(other.get("/v1/orgs/leaky", leaked).status()).as("the other node knows the key, and now remembers it").isEqualTo(200);

            assertThat(revoking.delete("/v1/orgs/leaky/keys/" + id, TestNode.ADMIN, "").status()).isEqualTo(204);
            long revokedAt = System.nanoTime();

            assertThat(revoking.get("/v1/orgs/leaky", leaked).status()).as("at once where it was revoked").isEqualTo(401);
            // The bound, plus a second for the probing requests themselves.
            Duration allowed = Authenticator.REVOCATION_BOUND.plusSeconds(1);
            await().atMost(allowed).pollInterval(Duration.ofMillis(100)).until(() -> other.get("/v1/orgs/leaky", leaked).status() == 401);
            assertThat(Duration.ofNanos(System.nanoTime() - revokedAt)).isLessThanOrEqualTo(allowed);
            for (int i = 0; i < 5; i++) {
                assertThat(other.get("/v1/orgs/leaky", leaked).status()).as("refused from then on").isEqualTo(401);
            }
        }
    }
}

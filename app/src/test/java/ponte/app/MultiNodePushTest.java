package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ponte.app.TestNode.ninjs;
import static ponte.app.TestNode.publishBody;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.core.delivery.Schedule;
import ponte.delivery.DeliverySettings;

/**
 * Push delivery on several nodes (PostgreSQL + Kafka): each endpoint has one deliverer at a time, the endpoints are
 * spread over the nodes, and when a node dies mid fan-out its endpoints move to the survivor within 30 s, every
 * endpoint still receiving every entry in log order.
 */
class MultiNodePushTest {
    private static final int ENDPOINTS = 6;
    private static final int ITEMS = 30;

    @TempDir
    static Path dataDir;

    @Test
    void endpointsAreSpreadOverNodesAndMoveToTheSurvivorWhenANodeDies() throws Exception {
        Optional<String> db = TestDatabase.postgresUrlFor(dataDir);
        String bootstrap = TestDatabase.kafka().bootstrapServers();
        String topic = TestDatabase.topicFor(dataDir);
        // Retries scaled down: a request cut off by the dying node may be retried, and the test should not wait minutes.
        DeliverySettings delivery = DeliverySettings.defaults().allowingPrivate(true)
                .withSchedule(Schedule.parse("0,100,200,400,800")).withPoll(Duration.ofMillis(500));
        try (Receiver receiver = new Receiver();
             TestNode survivor = new TestNode(new Settings("127.0.0.1", 0, dataDir.resolve("b"), db, TestNode.ADMIN, Optional.of(bootstrap), topic), Clock.systemUTC(), delivery)) {
            TestNode doomed = new TestNode(new Settings("127.0.0.1", 0, dataDir.resolve("a"), db, TestNode.ADMIN, Optional.of(bootstrap), topic), Clock.systemUTC(), delivery);
            Networks.Keys keys = Networks.newsLicence(doomed, "DE");
            String editor = keys.editor("agency");
            String partner = keys.partner("partner");
            Map<String, String> ids = new LinkedHashMap<>();
            for (int e = 0; e < ENDPOINTS; e++) {
                String path = "/hook" + e;
                receiver.answer(path, hit -> {
                    try {
                        Thread.sleep(60); // slow receivers: the node dies mid fan-out
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    return 200;
                });
                TestNode node = e % 2 == 0 ? doomed : survivor;
                ids.put(path, node.post("/v1/endpoints", partner, "{\"url\":\"" + receiver.url(path) + "\"}").json().get("id").asString());
            }
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    !doomed.handle().delivering().isEmpty() && !survivor.handle().delivering().isEmpty()
                            && doomed.handle().delivering().size() + survivor.handle().delivering().size() == ENDPOINTS);
            assertThat(intersection(doomed.handle().delivering(), survivor.handle().delivering())).as("one deliverer per endpoint").isEmpty();

            List<String> cursors = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                cursors.add(doomed.post("/v1/items", editor, publishBody(ninjs("it", "Fan-out " + i), "news")).json().get("cursor").asString());
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.all().size() >= ENDPOINTS * 3);
            doomed.close(); // its leases stay until they expire, as a crashed node's would

            // The promise: a dead node's endpoints move to the survivors within 30 s.
            await().atMost(Duration.ofSeconds(30)).until(() -> survivor.handle().delivering().size() == ENDPOINTS);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> ids.keySet().stream()
                        .allMatch(path -> distinct(receiver.delivered(path)).size() == ITEMS));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                // Say where each endpoint stands: its receiver's count against the cursor the survivor stored.
                StringBuilder where = new StringBuilder("not every endpoint received every entry within 60 s:");
                for (String path : ids.keySet()) {
                    where.append("\n  ").append(path).append(" received ").append(distinct(receiver.delivered(path)).size())
                            .append(", stored ").append(survivor.get("/v1/endpoints/" + ids.get(path), partner).json());
                }
                throw new AssertionError(where.toString(), e);
            }
            for (String path : ids.keySet()) {
                List<Receiver.Hit> hits = receiver.delivered(path);
                assertThat(distinct(hits)).as(path).containsExactlyElementsOf(cursors);
                for (Receiver.Hit hit : hits) {
                    assertThat(hit.id()).isEqualTo("msg_" + ids.get(path) + "_" + hit.entry());
                }
            }
        }
    }

    private static List<String> distinct(List<Receiver.Hit> hits) {
        Set<String> seen = new LinkedHashSet<>();
        hits.forEach(h -> seen.add(h.entry()));
        return new ArrayList<>(seen);
    }

    private static <T> Set<T> intersection(Set<T> a, Set<T> b) {
        Set<T> out = new LinkedHashSet<>(a);
        out.retainAll(b);
        return out;
    }
}

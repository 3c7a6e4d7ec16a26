package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ponte.app.Networks.aNetwork;
import static ponte.app.TestNode.ninjs;
import static ponte.app.TestNode.publishBody;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.delivery.DeliverySettings;
import ponte.formats.NinjsWriter;
import tools.jackson.databind.JsonNode;

/** kill -9 in the middle of a fan-out to 20 endpoints: after a restart every endpoint gets every entry, in order. */
class PushDurabilityTest {
    static final int PARTNERS = 4;
    static final int ENDPOINTS_EACH = 5;
    static final int ITEMS = 40;

    @TempDir
    Path dataDir;

    @Test
    void killDashNineMidFanOutLosesNoDeliveryAndResendsCarryTheSameWebhookId() throws Exception {
        Map<String, String> secrets = new LinkedHashMap<>(); // path -> secret
        Map<String, String> ids = new LinkedHashMap<>(); // path -> endpoint id
        List<String> cursors = new ArrayList<>();
        int deliveredAtKill;
        CountDownLatch published = new CountDownLatch(1);
        try (Receiver receiver = new Receiver()) {
            Process server = ServerProcess.start(dataDir, Map.of("PONTE_ALLOW_PRIVATE_ENDPOINTS", "true"));
            try {
                String base = ServerProcess.awaitUrl(server);
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                Networks network = aNetwork(base).agency("agency", "IT").withProducts("news");
                for (int p = 0; p < PARTNERS; p++) {
                    network.partner("partner" + p, "DE").licensedTo("partner" + p);
                }
                Networks.Keys keys = network.build();
                String editor = keys.editor("agency");
                for (int p = 0; p < PARTNERS; p++) {
                    String org = "partner" + p;
                    String key = keys.partner(org);
                    for (int e = 0; e < ENDPOINTS_EACH; e++) {
                        String path = "/" + org + "/hook" + e;
                        // A receiver that holds every request until all items are published, then takes 20 ms per
                        // delivery: however slow the machine, the fan-out is still under way when the node is killed.
                        receiver.answer(path, h -> {
                            try {
                                published.await(10, TimeUnit.SECONDS); // under the sender's 15 s timeout
                                Thread.sleep(20);
                            } catch (InterruptedException ignored) {
                                Thread.currentThread().interrupt();
                            }
                            return 200;
                        });
                        JsonNode created = json(post(http, base, "/v1/endpoints", key, "{\"url\":\"" + receiver.url(path) + "\"}"));
                        secrets.put(path, created.get("secret").asString());
                        ids.put(path, created.get("id").asString());
                    }
                }
                for (int i = 0; i < ITEMS; i++) {
                    cursors.add(json(post(http, base, "/v1/items", editor, publishBody(ninjs("it", "Fan-out " + i), "news"))).get("cursor").asString());
                }
                published.countDown();
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).until(() -> receiver.all().size() >= 150);
                server.destroyForcibly(); // SIGKILL while every endpoint is mid-way through its line
                server.waitFor(10, TimeUnit.SECONDS);
                deliveredAtKill = receiver.all().size();
            } finally {
                server.destroyForcibly();
            }
            assertThat(deliveredAtKill).as("killed in the middle of the fan-out").isLessThan(PARTNERS * ENDPOINTS_EACH * ITEMS);

            try (TestNode restarted = new TestNode(dataDir, Clock.systemUTC(), DeliverySettings.defaults().allowingPrivate(true))) {
                await().atMost(Duration.ofSeconds(90)).until(() -> ids.keySet().stream()
                        .allMatch(path -> distinctEntries(receiver.delivered(path)).size() == ITEMS));
                for (String path : ids.keySet()) {
                    List<Receiver.Hit> hits = receiver.delivered(path);
                    assertThat(distinctEntries(hits)).as(path).containsExactlyElementsOf(cursors);
                    // At-least-once: what was sent but not yet durably recorded comes again, and nothing more.
                    assertThat(hits.size() - ITEMS).as("re-sent to " + path).isBetween(0, DeliverySettings.UNCONFIRMED_OUTCOMES + 1);
                    for (Receiver.Hit hit : hits) {
                        assertThat(hit.id()).isEqualTo("msg_" + ids.get(path) + "_" + hit.entry());
                        hit.verify(secrets.get(path));
                    }
                }
            }
        }
    }

    /** Entries in the order they first arrived. */
    private static List<String> distinctEntries(List<Receiver.Hit> hits) {
        Set<String> seen = new LinkedHashSet<>();
        hits.forEach(h -> seen.add(h.entry()));
        return new ArrayList<>(seen);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return NinjsWriter.mapper().readTree(response.body());
    }

    private static HttpResponse<String> post(HttpClient http, String base, String path, String key, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isBetween(200, 299);
        return r;
    }
}

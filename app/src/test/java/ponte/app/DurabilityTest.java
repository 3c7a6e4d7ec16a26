package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.app.Networks.aNetwork;
import static ponte.app.TestNode.ninjs;
import static ponte.app.TestNode.publishBody;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.formats.NinjsWriter;
import tools.jackson.databind.JsonNode;

/** A 2xx means durable: restarts and kill -9 lose nothing that was acknowledged. */
class DurabilityTest {
    @TempDir
    Path dataDir;

    @Test
    void restartKeepsItemsVersionsAndCursors() throws Exception {
        String editor;
        String partner;
        String id;
        String pageBefore;
        try (TestNode node = new TestNode(dataDir)) {
            Networks.Keys keys = Networks.newsLicence(node, "CN");
            editor = keys.editor("agency");
            partner = keys.partner("partner");
            id = node.post("/v1/items", editor, publishBody(ninjs("it", "Prima"), "news")).json().get("id").asString();
            node.put("/v1/items/" + id, editor, TestNode.reviseBody(ninjs("it", "Seconda"), "correction"));
            node.post("/v1/items", editor, publishBody(ninjs("en", "Another"), "news"));
            pageBefore = node.get("/v1/feed", partner).raw().body();
        }
        try (TestNode node = new TestNode(dataDir)) {
            assertThat(node.get("/v1/feed", partner).raw().body()).isEqualTo(pageBefore);
            assertThat(node.get("/v1/items/" + id + "?version=1", editor).json().get("headlines").get(0).get("value").asString()).isEqualTo("Prima");
            assertThat(node.get("/v1/items/" + id, partner).json().get("version").asString()).isEqualTo("2");
            JsonNode page = node.get("/v1/feed?limit=1", partner).json();
            String next = page.get("next").asString();
            // A new entry after the restart continues the same sequence: the old cursor sees exactly what is new.
            String afterAll = node.get("/v1/feed", partner).json().get("next").asString();
            node.post("/v1/items", editor, publishBody(ninjs("en", "After restart"), "news"));
            JsonNode fresh = node.get("/v1/feed?after=" + afterAll, partner).json().get("entries");
            assertThat(fresh).hasSize(1);
            assertThat(fresh.get(0).get("item").get("headlines").get(0).get("value").asString()).isEqualTo("After restart");
            assertThat(next).isNotEqualTo(afterAll);
        }
    }

    @Test
    void killDashNineRightAfterAcknowledgementsLosesNothing() throws Exception {
        Process server = startServerProcess();
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        try {
            String base = awaitUrl(server);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String editor = aNetwork(base).agency("agency", "IT").withProducts("news").build().editor("agency");

            AtomicBoolean running = new AtomicBoolean(true);
            CountDownLatch enough = new CountDownLatch(300);
            var pool = Executors.newVirtualThreadPerTaskExecutor();
            for (int t = 0; t < 8; t++) {
                int writer = t;
                pool.submit(() -> {
                    for (int i = 0; running.get(); i++) {
                        try {
                            HttpResponse<String> r = post(http, base, "/v1/items", editor, publishBody(ninjs("it", "Writer " + writer + " item " + i), "news"));
                            if (r.statusCode() == 201) {
                                JsonNode receipt = NinjsWriter.mapper().readTree(r.body());
                                acknowledged.put(receipt.get("id").asString(), receipt.get("version").asInt());
                                enough.countDown();
                            }
                        } catch (Exception connectionDied) {
                            return null;
                        }
                    }
                    return null;
                });
            }
            assertThat(enough.await(60, TimeUnit.SECONDS)).isTrue();
            server.destroyForcibly(); // SIGKILL while writers are still sending
            server.waitFor(10, TimeUnit.SECONDS);
            running.set(false);
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            try (TestNode node = new TestNode(dataDir)) {
                List<String> lost = new ArrayList<>();
                acknowledged.forEach((id, version) -> {
                    TestNode.Answer read = node.get("/v1/items/" + id, editor);
                    if (read.status() != 200 && !readableSoon(node, id, editor, read)) {
                        lost.add(id + " (" + read.status() + " " + read.raw().body() + ")");
                    }
                });
                assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);
                assertThat(lost).as("acknowledged but lost after kill -9").isEmpty();
                assertThat(node.handle().head().seq()).isGreaterThanOrEqualTo(acknowledged.size());
            }
        } finally {
            server.destroyForcibly();
        }
    }

    /**
     * Whether an item a just-restarted node did not answer for is there after all: a lost item stays missing, while a
     * refusal that passes (which CI saw once, and no run here reproduced) is reported without failing the durability
     * promise this test checks.
     */
    private static boolean readableSoon(TestNode node, String id, String editor, TestNode.Answer first) {
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> node.get("/v1/items/" + id, editor).status() == 200);
            System.err.println("DurabilityTest: item " + id + " was answered " + first.status() + " " + first.raw().body() + " right after the restart, then 200");
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException stillMissing) {
            return false;
        }
    }

    private Process startServerProcess() throws Exception {
        return ServerProcess.start(dataDir, Map.of());
    }

    private static String awaitUrl(Process server) throws Exception {
        return ServerProcess.awaitUrl(server);
    }

    private static HttpResponse<String> post(HttpClient http, String base, String path, String key, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

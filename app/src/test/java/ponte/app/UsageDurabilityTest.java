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
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.formats.NinjsWriter;

/** A 201 to a usage report means it is kept: kill -9 while partners report loses none that was acknowledged. */
class UsageDurabilityTest {
    @TempDir
    Path dataDir;

    @Test
    void killDashNineWhilePartnersReportLosesNoAcknowledgedReport() throws Exception {
        Process server = ServerProcess.start(dataDir, Map.of());
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        String editor;
        String item;
        try {
            String base = ServerProcess.awaitUrl(server);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            Networks.Keys keys = aNetwork(base).agency("agency", "IT").withProducts("news").licensedTo("partner")
                    .partner("partner", "BR").build();
            editor = keys.editor("agency");
            String partner = keys.partner("partner");
            String outlet = read(post(http, base, "/v1/orgs/partner/outlets", TestNode.ADMIN,
                    "{\"name\":\"Ipê TV\",\"kind\":\"tv\",\"country\":\"BR\"}")).get("id").asString();
            item = read(post(http, base, "/v1/items", editor, publishBody(ninjs("pt", "Especial Milano-Cortina"), "news"))).get("id").asString();
            String at = Instant.now().minusSeconds(60).toString();

            AtomicBoolean running = new AtomicBoolean(true);
            CountDownLatch enough = new CountDownLatch(40);
            var pool = Executors.newVirtualThreadPerTaskExecutor();
            for (int t = 0; t < 4; t++) {
                int writer = t;
                pool.submit(() -> {
                    for (int batch = 0; running.get(); batch++) {
                        StringBuilder body = new StringBuilder("{\"reports\":[");
                        Set<String> ids = new HashSet<>();
                        for (int i = 0; i < 50; i++) {
                            String id = "w" + writer + "-b" + batch + "-" + i;
                            ids.add(id);
                            body.append(i == 0 ? "" : ",").append("{\"id\":\"%s\",\"item\":\"%s\",\"outlet\":\"%s\",\"usage\":\"aired\",\"at\":\"%s\",\"audience\":10}"
                                    .formatted(id, item, outlet, at));
                        }
                        try {
                            if (post(http, base, "/v1/usage", partner, body.append("]}").toString()).statusCode() == 201) {
                                acknowledged.addAll(ids);
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
            server.destroyForcibly(); // SIGKILL while partners are still reporting
            server.waitFor(10, TimeUnit.SECONDS);
            running.set(false);
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            server.destroyForcibly();
        }

        try (TestNode node = new TestNode(dataDir)) {
            Set<String> kept = new HashSet<>();
            try (Connection c = node.handle().dataSource().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("select report_id from usage_reports where org_id = 'partner'")) {
                while (rs.next()) {
                    kept.add(rs.getString(1));
                }
            }
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(2_000);
            assertThat(kept).as("acknowledged reports kept after kill -9").containsAll(acknowledged);
            TestNode.Answer reach = node.get("/v1/reach?item=" + item, editor);
            if (reach.status() != 200) {
                // CI saw one refusal here right after the restart that no run here reproduced: say what it was, and
                // judge the count once the node answers.
                System.err.println("UsageDurabilityTest: reach answered " + reach.status() + " " + reach.raw().body() + " right after the restart");
                reach = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> node.get("/v1/reach?item=" + item, editor), a -> a.status() == 200);
            }
            assertThat(reach.json().get("totals").get("reported").asLong()).isEqualTo(kept.size());
        }
    }

    private static tools.jackson.databind.JsonNode read(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return NinjsWriter.mapper().readTree(r.body());
    }

    private static HttpResponse<String> post(HttpClient http, String base, String path, String key, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

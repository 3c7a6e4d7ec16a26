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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.formats.NinjsWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A redirect of a tracked link, a heartbeat's 204 and a viewer report's 200 each mean the fact is kept: kill -9 while
 * viewers click, players beat and the partner reports loses none that was acknowledged.
 */
class LiveDurabilityTest {
    @TempDir
    Path dataDir;

    @Test
    void killDashNineWhileViewersClickAndWatchLosesNoAcknowledgedClickHeartbeatOrSample() throws Exception {
        // Every request here comes from one address: its limit is off, as behind a proxy that limits for Ponte.
        Process server = ServerProcess.start(dataDir, Map.of("PONTE_ADDRESS_RATE_LIMIT", "off", "PONTE_RATE_LIMIT", "off"));
        AtomicLong clicks = new AtomicLong();
        Set<String> sessions = ConcurrentHashMap.newKeySet();
        Set<Instant> samples = ConcurrentHashMap.newKeySet();
        String link;
        String event;
        try {
            String base = ServerProcess.awaitUrl(server);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            Networks.Keys keys = aNetwork(base).agency("toscana", "IT").withProducts("travel").licensedTo("trip-com", "travel")
                    .partner("trip-com", "CN").build();
            String editor = keys.editor("toscana");
            String agreement = read(send(http, base, "GET", "/v1/agreements", editor, null), 200).get("items").get(0).get("id").asString();
            String outlet = read(send(http, base, "POST", "/v1/orgs/trip-com/outlets", TestNode.ADMIN,
                    "{\"name\":\"Ctrip\",\"kind\":\"app\",\"country\":\"CN\"}"), 201).get("id").asString();
            ObjectNode ninjs = ninjs("zh-Hans", "托斯卡纳直播");
            ninjs.putArray("infoSources").addObject().put("name", "Toscana Promozione").put("role", "sponsor");
            ninjs.put("usageTerms", "Promotion paid for by Toscana Promozione.").put("expires", "2040-01-01T00:00:00Z");
            String item = read(send(http, base, "POST", "/v1/items", editor, publishBody(ninjs, "travel")), 201).get("id").asString();
            read(send(http, base, "POST", "/v1/campaigns", editor, """
                    {"id": "toscana", "title": "Toscana", "agreement": "%s", "items": ["%s"],
                     "channels": [{"id": "page", "partner": "trip-com", "outlet": "%s", "kind": "page"},
                                  {"id": "live", "partner": "trip-com", "outlet": "%s", "kind": "live"}]}""".formatted(agreement, item, outlet, outlet)), 201);
            link = read(send(http, base, "POST", "/v1/campaigns/toscana/offers", editor, """
                    {"id": "firenze", "item": "%s", "title": "Firenze", "price": "100.00", "currency": "EUR",
                     "bookingUrl": "https://booking.example/firenze"}""".formatted(item)), 201).get("links").get(0).get("code").asString();
            Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
            JsonNode live = read(send(http, base, "POST", "/v1/live-events", editor, """
                    {"id": "live", "campaign": "toscana", "title": "Live", "startDate": "%s", "endDate": "%s", "channel": "live"}"""
                    .formatted(start, start.plus(Duration.ofHours(2)))), 201);
            event = live.get("id").asString();
            String heartbeat = URI.create(live.get("heartbeatUrl").asString()).getPath();
            String partner = keys.partner("trip-com");

            AtomicBoolean running = new AtomicBoolean(true);
            CountDownLatch enough = new CountDownLatch(3);
            var pool = Executors.newVirtualThreadPerTaskExecutor();
            for (int t = 0; t < 4; t++) {
                int writer = t;
                pool.submit(() -> until(running, i -> {
                    if (send(http, base, "GET", "/go/" + link, null, null, "User-Agent", "Mozilla/5.0 viewer-" + writer + "-" + i).statusCode() == 302
                            && clicks.incrementAndGet() == 500) {
                        enough.countDown();
                    }
                }));
                pool.submit(() -> until(running, i -> {
                    String session = "w" + writer + "-" + i;
                    if (send(http, base, "POST", heartbeat + "?session=" + session, null, "").statusCode() == 204
                            && sessions.add(session) && sessions.size() == 500) {
                        enough.countDown();
                    }
                }));
            }
            pool.submit(() -> until(running, i -> {
                List<Instant> batch = List.of(start.plusSeconds(2L * i), start.plusSeconds(2L * i + 1));
                String body = "{\"samples\": [{\"at\": \"%s\", \"concurrent\": %d}, {\"at\": \"%s\", \"concurrent\": %d}]}"
                        .formatted(batch.get(0), i, batch.get(1), i);
                if (send(http, base, "POST", "/v1/live-events/" + event + "/viewers", partner, body).statusCode() == 200) {
                    samples.addAll(batch);
                    if (samples.size() == 100) {
                        enough.countDown();
                    }
                }
            }));
            assertThat(enough.await(90, TimeUnit.SECONDS)).as("enough acknowledged of each kind").isTrue();
            server.destroyForcibly(); // SIGKILL while viewers click and watch and the partner reports
            server.waitFor(10, TimeUnit.SECONDS);
            running.set(false);
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            server.destroyForcibly();
        }

        try (TestNode node = new TestNode(dataDir); Connection c = node.handle().dataSource().getConnection()) {
            assertThat(one(c, "select coalesce(sum(clicks), 0) from link_clicks where code = ? and not bot", link))
                    .as("redirected clicks kept after kill -9").isGreaterThanOrEqualTo(clicks.get());
            assertThat(one(c, "select count(distinct viewer) from live_heartbeats where event_id = ?", event))
                    .as("viewers of acknowledged heartbeats kept after kill -9").isGreaterThanOrEqualTo(sessions.size());
            Set<Instant> kept = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("select sampled_at from live_viewer_samples where event_id = ?")) {
                ps.setString(1, event);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        kept.add(rs.getObject(1, OffsetDateTime.class).toInstant());
                    }
                }
            }
            assertThat(kept).as("acknowledged samples kept after kill -9").containsAll(samples);
        }
    }

    @FunctionalInterface
    interface Step {
        void run(long i) throws Exception;
    }

    /** Runs the step again and again until told to stop or the server is gone. */
    private static Void until(AtomicBoolean running, Step step) {
        for (long i = 0; running.get(); i++) {
            try {
                step.run(i);
            } catch (Exception connectionDied) {
                return null;
            }
        }
        return null;
    }

    private static long one(Connection c, String sql, String param) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static JsonNode read(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return NinjsWriter.mapper().readTree(r.body());
    }

    private static HttpResponse<String> send(HttpClient http, String base, String method, String path, String key, String body,
                                             String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

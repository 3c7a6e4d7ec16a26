package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ponte.app.TestNode.ninjs;
import static ponte.app.TestNode.publishBody;
import static ponte.formats.AtomFeeds.atom;
import static ponte.formats.AtomFeeds.entry;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.delivery.DeliverySettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A node is not taken down by a thread interrupt, and says so when it is down. Its loops (ingest pollers, pushers,
 * the lease keeper, the release loop, the retention loop) are stopped by flags, never interrupted, and the embedded store survives an
 * interrupt that comes from elsewhere; {@code /ready} asks the database a real question.
 */
class LivenessTest {
    @TempDir
    Path dataDir;

    @Test
    void aNodeWhoseLoopsAreInterruptedMidWriteKeepsServing() throws Exception {
        HttpServer upstream = feeds();
        String feeds = "http://127.0.0.1:" + upstream.getAddress().getPort();
        DeliverySettings delivery = DeliverySettings.defaults().allowingPrivate(true); // receiver and feeds are on loopback
        try (Receiver receiver = new Receiver(); TestNode node = new TestNode(dataDir, Clock.systemUTC(), delivery)) {
            Networks.Keys keys = Networks.newsLicence(node, "DE");
            String editor = keys.editor("agency");
            String partner = keys.partner("partner");
            assertThat(node.post("/v1/endpoints", partner, "{\"url\":\"" + receiver.url("/hook") + "\"}").status()).isEqualTo(201);

            AtomicBoolean storming = new AtomicBoolean(true);
            AtomicInteger interrupts = new AtomicInteger();
            Thread storm = Thread.ofPlatform().name("test-interrupt-storm").start(() -> {
                while (storming.get()) {
                    for (Thread loop : node.handle().loopThreads()) {
                        loop.interrupt();
                        interrupts.incrementAndGet();
                    }
                    Thread.onSpinWait();
                }
            });
            Set<String> published = new HashSet<>();
            List<String> embargoed = new ArrayList<>();
            try {
                for (int cycle = 0; cycle < 30; cycle++) {
                    // The reproduction: a source deleted while its poller imports (it broke H2 in 8 to 19 cycles).
                    String source = register(node, editor, feeds + "/feed/" + cycle);
                    node.post("/v1/ingest/sources/" + source + "/poll", editor, "");
                    node.handle().pruneDeliveries(); // a round of the retention loop's queries, under the storm too
                    published.add(publish(node, editor, ninjs("it", "Notizia " + cycle)));
                    if (cycle % 5 == 0) { // due within a second or two: the release loop appends them while interrupted
                        ObjectNode item = ninjs("it", "Sotto embargo " + cycle);
                        item.put("embargoedUntil", Instant.now().plusMillis(1500).toString());
                        embargoed.add(publish(node, editor, item));
                    }
                    assertThat(node.delete("/v1/ingest/sources/" + source, editor, "").status()).isEqualTo(204);
                }
                Thread.sleep(2_000); // the release loop's and the pushers' rounds, still under the storm
            } finally {
                storming.set(false);
                storm.join();
            }
            assertThat(interrupts.get()).as("interrupts sent").isGreaterThan(1_000);

            // Writes and reads succeed afterwards, and every loop still works.
            String after = publish(node, editor, ninjs("it", "Dopo la tempesta"));
            published.add(after);
            assertThat(node.get("/ready", null).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(feedItems(node, partner))
                    .containsAll(published).containsAll(embargoed));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(receiver.delivered("/hook"))
                    .anySatisfy(hit -> assertThat(hit.headline()).isEqualTo("Dopo la tempesta")));
            String source = register(node, editor, feeds + "/feed/after");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode status = node.get("/v1/ingest/sources/" + source, editor).json().get("status");
                assertThat(status.get("state").asString()).isEqualTo("ok");
                assertThat(status.get("counts").get("published").asInt()).isEqualTo(3);
            });
        } finally {
            upstream.stop(0);
        }
    }

    @Test
    void readinessFailsWhenTheDatabaseCannotAnswerAQuery() throws Exception {
        try (TestNode node = new TestNode(dataDir)) {
            assertThat(node.get("/ready", null).status()).isEqualTo(200);
            try (AutoCloseable down = takeDown(node)) {
                TestNode.Answer notReady = node.get("/ready", null);
                assertThat(notReady.status()).isEqualTo(503);
                assertThat(notReady.contentType()).startsWith("application/problem+json");
                assertThat(notReady.json().get("checks").get("database").asString()).isEqualTo("down");
                assertThat(node.get("/health", null).status()).as("the process itself is alive").isEqualTo(200);
            }
        }
    }

    /**
     * Makes the node's database unable to answer, for real. Embedded: the H2 store is closed under the pool, as an
     * interrupted file channel closed it (the pool's connections still look valid). PostgreSQL: another session holds
     * the content log locked, so every read of it waits; released on close.
     */
    private AutoCloseable takeDown(TestNode node) throws Exception {
        if (!node.handle().onPostgres()) {
            try (Connection c = node.handle().dataSource().getConnection()) {
                SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
                session.getDatabase().getStore().getMvStore().closeImmediately();
            }
            return () -> { };
        }
        Connection other = DriverManager.getConnection(TestDatabase.postgresUrlFor(dataDir).orElseThrow());
        other.setAutoCommit(false);
        try (Statement s = other.createStatement()) {
            s.execute("lock table content_log in access exclusive mode");
        }
        return () -> {
            other.rollback();
            other.close();
        };
    }

    /** An agency's server: /feed/{name} is an Atom feed of three entries of its own. */
    private static HttpServer feeds() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/feed/".length());
            byte[] body = atom(entry("urn:upstream:" + name + ":1", "Uno " + name, "2026-05-01T10:00:00Z"),
                    entry("urn:upstream:" + name + ":2", "Due " + name, "2026-05-01T11:00:00Z"),
                    entry("urn:upstream:" + name + ":3", "Tre " + name, "2026-05-01T12:00:00Z")).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/atom+xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String register(TestNode node, String editor, String url) {
        TestNode.Answer a = node.post("/v1/ingest/sources", editor, """
                {"url": "%s", "format": "atom", "intervalSeconds": 10, "products": ["news"]}""".formatted(url));
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
        return a.json().get("id").asString();
    }

    private static String publish(TestNode node, String editor, JsonNode ninjs) {
        TestNode.Answer a = node.post("/v1/items", editor, publishBody(ninjs, "news"));
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
        return a.json().get("uri").asString();
    }

    /** The uris of every item in the partner's feed. */
    private static Set<String> feedItems(TestNode node, String partner) {
        Set<String> ids = new HashSet<>();
        String after = "";
        while (true) {
            JsonNode page = node.get("/v1/feed?limit=500" + after, partner).json();
            page.get("entries").forEach(e -> ids.add(e.get("item").get("uri").asString()));
            if (page.get("entries").isEmpty()) {
                return ids;
            }
            after = "&after=" + page.get("next").asString();
        }
    }
}

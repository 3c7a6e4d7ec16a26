package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ponte.app.Networks.aNetwork;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ponte.formats.AtomFeeds;
import ponte.outbound.AddressGuard;
import tools.jackson.databind.JsonNode;

/**
 * A node started without --allow-private-endpoints refuses ingest sources that reach private networks: when a source
 * is saved (a clear 422, nothing stored) and whenever it is fetched, every redirect hop included. Tests can only run
 * servers on this machine, so the guard trusts the one address and port of the agency's server, which stands for a
 * public host; a neighbour on loopback (a private service) and every other private address stay refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestGuardTest {
    @TempDir
    static Path dataDir;

    /** What the agency's server answers on a path: a feed, or a redirect to {@code location}. */
    record Reply(int status, String location, String body) {
        static Reply feed(String body) {
            return new Reply(200, null, body);
        }

        static Reply redirect(String location) {
            return new Reply(302, location, "");
        }
    }

    HttpServer agency;
    HttpServer neighbour;
    String agencyBase;
    String neighbourBase;
    final Map<String, Reply> replies = new ConcurrentHashMap<>();
    final List<String> askedOfAgency = new CopyOnWriteArrayList<>();
    final List<String> askedOfNeighbour = new CopyOnWriteArrayList<>();
    final Map<String, String> dns = new ConcurrentHashMap<>();
    TestNode node;
    String editor;

    @BeforeAll
    void start() throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // else every answer stalls 40 ms (LIBRARIES.md)
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        agency = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        agency.createContext("/", this::answer);
        agency.start();
        neighbour = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        neighbour.createContext("/", exchange -> {
            askedOfNeighbour.add(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        neighbour.start();
        agencyBase = "http://feeds.agency.example:" + agency.getAddress().getPort();
        neighbourBase = "http://127.0.0.1:" + neighbour.getAddress().getPort();
        dns.put("feeds.agency.example", "127.0.0.1");
        dns.put("metadata.internal.example", "169.254.169.254");
        AddressGuard guard = new AddressGuard(false, host -> dns.containsKey(host)
                ? new InetAddress[] {InetAddress.getByName(dns.get(host))} : InetAddress.getAllByName(host))
                .trusting(agency.getAddress());
        node = new TestNode(dataDir, Clock.systemUTC(), guard);
        editor = aNetwork(node).agency("ansa", "IT").withProducts("wire").build().editor("ansa");
    }

    @AfterAll
    void stop() throws Exception {
        node.close();
        agency.stop(0);
        neighbour.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        askedOfAgency.add(path);
        Reply reply = replies.getOrDefault(path, new Reply(404, null, ""));
        if (reply.location() != null) {
            exchange.getResponseHeaders().add("Location", reply.location());
        }
        // A new connection for every poll, so each one is resolved (and judged) afresh.
        exchange.getResponseHeaders().add("Connection", "close");
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/atom+xml");
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private static String feed(String id) {
        return AtomFeeds.atom(AtomFeeds.entry(id, "Notizia " + id, "2026-05-01T10:00:00Z"));
    }

    private TestNode.Answer register(String url) {
        return node.post("/v1/ingest/sources", editor, """
                {"url": "%s", "format": "atom", "intervalSeconds": 3600, "products": ["wire"]}""".formatted(url));
    }

    private String registered(String url) {
        TestNode.Answer a = register(url);
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
        return a.json().get("id").asString();
    }

    private JsonNode awaitPolls(String source, int polls) {
        await().atMost(Duration.ofSeconds(20)).until(() -> status(source).get("counts").get("polls").asInt() >= polls);
        return status(source);
    }

    private JsonNode status(String source) {
        return node.get("/v1/ingest/sources/" + source, editor).json().get("status");
    }

    private List<String> storedUrls() {
        List<String> urls = new ArrayList<>();
        node.get("/v1/ingest/sources", editor).json().get("items").forEach(s -> urls.add(s.get("url").asString()));
        return urls;
    }

    private static void assertRefusal(TestNode.Answer a, String kind) {
        assertThat(a.status()).as(a.raw().body()).isEqualTo(422);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/url");
        String detail = a.json().get("detail").asString();
        assertThat(detail).contains(kind);
        if (kind.equals("cloud metadata") || kind.equals("link-local")) { // refused whatever the settings
            assertThat(detail).contains("Ponte does not fetch from such addresses, whatever its settings").doesNotContain("--allow-private-endpoints");
        } else {
            assertThat(detail).contains("Ponte does not fetch from private networks").contains("--allow-private-endpoints");
        }
    }

    @Test
    void ingestSourceOnLoopbackIsRefusedAndNotStored() {
        String url = neighbourBase + "/admin/feed.atom";
        assertRefusal(register(url), "loopback");
        assertThat(storedUrls()).doesNotContain(url);
        assertThat(askedOfNeighbour).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1:5432/, loopback",
            "http://localhost:8080/feed.atom, loopback",
            "http://[::1]/feed.atom, loopback",
            "http://10.1.2.3/feed.atom, private",
            "http://192.168.1.10/rss, private",
            "http://172.16.0.5/rss, private",
            "http://100.64.0.1/feed.atom, carrier-grade NAT",
            "http://169.254.10.1/feed.atom, link-local",
            "http://[fe80::1]/feed.atom, link-local",
            "http://169.254.169.254/latest/meta-data/, cloud metadata",
            "http://metadata.internal.example/latest/meta-data/, cloud metadata",
            "http://[fd00:ec2::254]/latest/meta-data/, cloud metadata",
    })
    void ingestSourceOnAPrivateAddressIsRefusedAndNotStored(String url, String kind) {
        assertRefusal(register(url), kind);
        assertThat(storedUrls()).doesNotContain(url);
    }

    @Test
    void changingASourceToAPrivateAddressIsRefusedAndKeepsItsUrl() {
        replies.put("/kept.atom", Reply.feed(feed("urn:ansa:kept")));
        String source = registered(agencyBase + "/kept.atom");

        assertRefusal(node.patch("/v1/ingest/sources/" + source, editor, "{\"url\": \"http://169.254.169.254/latest/meta-data/\"}"),
                "cloud metadata");
        assertThat(node.get("/v1/ingest/sources/" + source, editor).json().get("url").asString()).isEqualTo(agencyBase + "/kept.atom");
    }

    @Test
    void redirectsBetweenAllowedAddressesAreFollowed() {
        replies.put("/moved.atom", Reply.redirect(agencyBase + "/new-home.atom"));
        replies.put("/new-home.atom", Reply.feed(feed("urn:ansa:moved")));
        JsonNode polled = awaitPolls(registered(agencyBase + "/moved.atom"), 1);
        assertThat(polled.get("state").asString()).as(polled.toString()).isEqualTo("ok");
        assertThat(polled.get("counts").get("published").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({
            "/to-the-neighbour, NEIGHBOUR/admin, loopback",
            "/to-a-private-host, http://10.0.0.7/internal, private",
            "/to-the-metadata-service, http://metadata.internal.example/latest/meta-data/iam/, cloud metadata",
    })
    void redirectToPrivateAddressIsNotFollowed(String path, String location, String kind) {
        replies.put(path, Reply.redirect(location.replace("NEIGHBOUR", neighbourBase)));
        JsonNode polled = awaitPolls(registered(agencyBase + path), 1);
        assertThat(polled.get("state").asString()).isEqualTo("failing");
        assertThat(polled.get("lastError").asString()).contains("redirected from " + agencyBase + path)
                .contains("a " + kind + " address: refused by the SSRF guard");
        assertThat(askedOfNeighbour).isEmpty();
    }

    @Test
    void aRefusedFetchIsRecordedOnTheSourceAndPollingGoesOn() {
        replies.put("/was-moved.atom", Reply.redirect(neighbourBase + "/feed.atom"));
        String source = registered(agencyBase + "/was-moved.atom");
        assertThat(awaitPolls(source, 1).get("lastError").asString()).contains("refused by the SSRF guard");

        replies.put("/was-moved.atom", Reply.feed(feed("urn:ansa:back")));
        assertThat(node.post("/v1/ingest/sources/" + source + "/poll", editor, "").status()).isEqualTo(202);
        JsonNode recovered = awaitPolls(source, 2);
        assertThat(recovered.get("state").asString()).isEqualTo("ok");
        assertThat(recovered.get("counts").get("published").asInt()).isEqualTo(1);
        assertThat(askedOfNeighbour).isEmpty();
    }

    @Test
    void aHostThatRebindsToAPrivateAddressAfterItWasSavedIsRefusedWhenFetched() {
        dns.put("rebinding.example", "127.0.0.1");
        replies.put("/rebinding.atom", Reply.feed(feed("urn:ansa:rebinding")));
        String url = "http://rebinding.example:" + agency.getAddress().getPort() + "/rebinding.atom";
        String source = registered(url);
        assertThat(awaitPolls(source, 1).get("state").asString()).isEqualTo("ok");

        dns.put("rebinding.example", "10.0.0.7");
        node.post("/v1/ingest/sources/" + source + "/poll", editor, "");
        JsonNode refused = awaitPolls(source, 2);
        assertThat(refused.get("state").asString()).isEqualTo("failing");
        assertThat(refused.get("lastError").asString()).isEqualTo("could not fetch " + url
                + ": rebinding.example resolves to 10.0.0.7, a private address: refused by the SSRF guard");
    }

    @Test
    void moreThanFiveRedirectsAreNotFollowed() {
        replies.put("/round-and-round.atom", Reply.redirect("/round-and-round.atom"));
        JsonNode polled = awaitPolls(registered(agencyBase + "/round-and-round.atom"), 1);
        assertThat(polled.get("lastError").asString()).isEqualTo("more than 5 redirects from " + agencyBase + "/round-and-round.atom");
        assertThat(askedOfAgency).filteredOn("/round-and-round.atom"::equals).hasSize(6);
    }
}

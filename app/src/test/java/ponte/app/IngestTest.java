package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ponte.app.Networks.aNetwork;
import static ponte.formats.AtomFeeds.atom;
import static ponte.formats.AtomFeeds.entry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import ponte.delivery.DeliverySettings;
import ponte.formats.NewsMlSchema;
import ponte.formats.OfficialSchema;
import ponte.formats.Standards;
import tools.jackson.databind.JsonNode;

/**
 * Another agency's feeds, served by a real HTTP server on loopback (the JDK's), pulled into Ponte: IPTC's own
 * NewsML-G2 and ninjs examples, an Atom feed that changes, and garbage.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestTest {
    @TempDir
    static Path dataDir;

    TestNode node;
    HttpServer upstream;
    String upstreamBase;
    final Map<String, String[]> served = new ConcurrentHashMap<>(); // path -> {content type, body}
    final List<String> conditionalRequests = new CopyOnWriteArrayList<>();
    String editor;
    String otherEditor;
    String partner;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // else every answer stalls 40 ms (LIBRARIES.md)
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/", this::serve);
        upstream.start();
        upstreamBase = "http://127.0.0.1:" + upstream.getAddress().getPort();
        // The agency's server is on loopback, which the SSRF guard refuses unless private addresses are allowed.
        node = new TestNode(dataDir, Clock.systemUTC(), DeliverySettings.defaults().allowingPrivate(true));
        Networks.Keys keys = aNetwork(node)
                .agency("ansa", "IT").withProducts("wire").licensedTo("kbs")
                .agency("other", "FR").withProducts("other-wire")
                .partner("kbs", "KR")
                .build();
        editor = keys.editor("ansa");
        otherEditor = keys.editor("other");
        partner = keys.partner("kbs");
    }

    @AfterAll
    void stop() throws Exception {
        node.close();
        upstream.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String[] answer = served.get(exchange.getRequestURI().getPath());
        String etag = answer == null ? null : "\"" + Integer.toHexString(answer[1].hashCode()) + "\"";
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        if (ifNoneMatch != null) {
            conditionalRequests.add(exchange.getRequestURI().getPath() + " " + ifNoneMatch);
        }
        if (answer == null) {
            exchange.sendResponseHeaders(500, -1);
        } else if (etag.equals(ifNoneMatch)) {
            exchange.getResponseHeaders().add("ETag", etag);
            exchange.sendResponseHeaders(304, -1);
        } else {
            byte[] body = answer[1].getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer[0]);
            exchange.getResponseHeaders().add("ETag", etag);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private String register(String path, String format) {
        TestNode.Answer a = node.post("/v1/ingest/sources", editor, """
                {"url": "%s%s", "format": "%s", "intervalSeconds": 3600, "products": ["wire"]}""".formatted(upstreamBase, path, format));
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
        return a.json().get("id").asString();
    }

    private JsonNode status(String source) {
        return node.get("/v1/ingest/sources/" + source, editor).json().get("status");
    }

    private JsonNode awaitPolls(String source, int polls) {
        await().atMost(Duration.ofSeconds(20)).until(() -> status(source).get("counts").get("polls").asInt() >= polls);
        return status(source);
    }

    private List<JsonNode> partnerFeed() {
        List<JsonNode> entries = new ArrayList<>();
        node.get("/v1/feed?limit=500", partner).json().get("entries").forEach(entries::add);
        return entries;
    }

    @Test
    void anAtomSourceStaysInSyncWithNewChangedAndRemovedEntries() {
        served.put("/ansa.atom", new String[] {"application/atom+xml", atom(
                entry("urn:ansa:1", "Primo", "2026-05-01T10:00:00Z"),
                entry("urn:ansa:2", "Secondo", "2026-05-01T11:00:00Z"),
                entry("urn:ansa:3", "Terzo", "2026-05-01T12:00:00Z"))});
        String source = register("/ansa.atom", "atom");

        JsonNode first = awaitPolls(source, 1);
        assertThat(first.get("state").asString()).isEqualTo("ok");
        assertThat(first.get("counts").get("published").asInt()).isEqualTo(3);
        assertThat(partnerFeed()).extracting(e -> e.get("item").get("uri").asString()).contains("urn:ansa:1", "urn:ansa:2", "urn:ansa:3");
        assertThat(partnerFeed()).filteredOn(e -> e.get("item").get("uri").asString().equals("urn:ansa:1"))
                .allSatisfy(e -> assertThat(e.get("item").get("language").asString()).isEqualTo("it"));

        // Upstream: 2 changed, 3 removed (newer than the oldest still shown: a removal, not an entry aging out), 4 new.
        served.put("/ansa.atom", new String[] {"application/atom+xml", atom(
                entry("urn:ansa:1", "Primo", "2026-05-01T10:00:00Z"),
                entry("urn:ansa:2", "Secondo, aggiornato", "2026-05-01T12:30:00Z"),
                entry("urn:ansa:4", "Quarto", "2026-05-01T13:00:00Z"))});
        assertThat(node.post("/v1/ingest/sources/" + source + "/poll", editor, "").status()).isEqualTo(202);

        JsonNode second = awaitPolls(source, 2);
        assertThat(second.get("counts").get("published").asInt()).isEqualTo(4);
        assertThat(second.get("counts").get("updated").asInt()).isEqualTo(1);
        assertThat(second.get("counts").get("killed").asInt()).isEqualTo(1);
        assertThat(second.get("counts").get("unchanged").asInt()).isEqualTo(1);
        List<String> events = partnerFeed().stream().map(e -> e.get("item").get("uri").asString() + " " + e.get("event").asString()).toList();
        assertThat(events).contains("urn:ansa:2 updated", "urn:ansa:3 killed", "urn:ansa:4 published").doesNotContain("urn:ansa:1 updated");

        // An entry that ages out of the window (older than everything still shown) is left alone.
        served.put("/ansa.atom", new String[] {"application/atom+xml", atom(
                entry("urn:ansa:2", "Secondo, aggiornato", "2026-05-01T12:30:00Z"),
                entry("urn:ansa:4", "Quarto", "2026-05-01T13:00:00Z"))});
        node.post("/v1/ingest/sources/" + source + "/poll", editor, "");
        JsonNode third = awaitPolls(source, 3);
        assertThat(third.get("counts").get("killed").asInt()).isEqualTo(1);

        // Nothing changed upstream: the next poll is a conditional GET answered 304.
        node.post("/v1/ingest/sources/" + source + "/poll", editor, "");
        awaitPolls(source, 4);
        assertThat(conditionalRequests).anySatisfy(r -> assertThat(r).startsWith("/ansa.atom \""));
    }

    @Test
    void iptcNewsMlG2AndNinjsExamplesAreImportedAsValidItems() throws Exception {
        Path examples = NewsMlSchema.FOLDER.resolve("examples");
        List<String> newsMl = List.of("LISTING_1_A_NewsML-G2_News_Item.xml", "LISTING_3_Photo_in_NewsML-G2.xml",
                "LISTING_4_Multiple_Renditions_of_a_Video_in_NewsML-G2.xml", "LISTING_6_Simple_NewsML-G2_Package.xml", "LISTING_2_NewsML-G2_Text_Document.xml");
        for (String example : newsMl) {
            served.put("/g2/" + example, new String[] {"application/vnd.iptc.g2.newsitem+xml", Files.readString(examples.resolve(example))});
        }
        String source = register("/g2/LISTING_1_A_NewsML-G2_News_Item.xml", "newsmlg2");
        assertThat(awaitPolls(source, 1).get("counts").get("published").asInt()).isEqualTo(1);

        for (String example : newsMl.subList(1, newsMl.size())) {
            TestNode.Answer report = upload("/v1/ingest/files?products=wire", "application/vnd.iptc.g2.newsitem+xml", Files.readString(examples.resolve(example)));
            assertThat(report.status()).as(example + " " + report.raw().body()).isEqualTo(200);
            assertThat(report.json().get("published").asInt()).as(example + " " + report.raw().body()).isEqualTo(1);
        }
        List<Path> ninjs;
        try (Stream<Path> files = Files.list(Standards.NINJS.resolve("examples-3.0"))) {
            ninjs = files.sorted().toList();
        }
        int published = 0;
        for (Path file : ninjs) {
            String document = Files.readString(file);
            TestNode.Answer report = upload("/v1/ingest/files?products=wire&format=ninjs", "application/json", document);
            assertThat(report.status()).as(file + " " + report.raw().body()).isEqualTo(200);
            assertThat(report.json().get("failed").asInt()).as(file + " " + report.raw().body()).isZero();
            // Two of IPTC's examples share a uri: the second is a new version of the first.
            published += report.json().get("published").asInt() + report.json().get("updated").asInt();
        }
        assertThat(published).isEqualTo(ninjs.size());
        List<JsonNode> feed = partnerFeed();
        assertThat(feed).extracting(e -> e.get("item").get("uri").asString())
                .contains("urn:newsml:acmenews.com:20161018:US-FINANCE-FED", "tag:gettyimages.com,2010:GYI0062134533", "http://tt.se/media/text/210526-militarovning-a0f2d045");
        assertThat(feed).allSatisfy(e -> assertThat(OfficialSchema.errorsIn(e.get("item"))).isEmpty());
    }

    @Test
    void theSameDocumentImportedTwiceChangesNothingAndACanceledOneKills() {
        String item = "{\"uri\": \"urn:ansa:file:1\", \"type\": \"text\", \"language\": \"it\", \"headlines\": [{\"role\": \"main\", \"value\": \"Da file\"}]}";
        assertThat(upload("/v1/ingest/files?products=wire", "application/json", item).json().get("published").asInt()).isEqualTo(1);
        assertThat(upload("/v1/ingest/files?products=wire", "application/json", item).json().get("unchanged").asInt()).isEqualTo(1);

        String v22 = "{\"uri\": \"urn:ansa:file:1\", \"type\": \"text\", \"language\": \"it\", \"pubstatus\": \"canceled\", \"headlines\": [{\"value\": \"Da file\"}]}";
        assertThat(upload("/v1/ingest/files?products=wire", "application/json", v22).json().get("killed").asInt()).isEqualTo(1);
        assertThat(partnerFeed()).extracting(e -> e.get("item").get("uri").asString() + " " + e.get("event").asString()).contains("urn:ansa:file:1 killed");
    }

    @Test
    void anImportAnswersTheItemsItFiledAsPublishingDoes() {
        String item = "{\"uri\": \"urn:ansa:file:ids\", \"type\": \"text\", \"language\": \"it\", \"headlines\": [{\"role\": \"main\", \"value\": \"Con id\"}]}";
        JsonNode published = upload("/v1/ingest/files?products=wire", "application/json", item).json().get("items");
        assertThat(published).hasSize(1);
        assertThat(published.get(0).get("uri").asString()).isEqualTo("urn:ansa:file:ids");
        assertThat(published.get(0).get("event").asString()).isEqualTo("published");
        assertThat(published.get(0).get("version").asInt()).isEqualTo(1);
        String id = published.get(0).get("id").asString();
        assertThat(node.get("/v1/items/" + id, editor).json().get("uri").asString()).isEqualTo("urn:ansa:file:ids");

        assertThat(upload("/v1/ingest/files?products=wire", "application/json", item).json().get("items")).isEmpty(); // unchanged

        String canceled = item.replace("\"type\"", "\"pubStatus\": \"canceled\", \"type\"");
        JsonNode killed = upload("/v1/ingest/files?products=wire", "application/json", canceled).json().get("items");
        assertThat(killed).extracting(i -> i.get("id").asString() + " v" + i.get("version").asInt() + " " + i.get("event").asString())
                .containsExactly(id + " v2 killed");
    }

    @Test
    void garbageAndServerErrorsAreTheSourcesStatusAndItRecovers() {
        served.put("/garbage.atom", new String[] {"application/atom+xml", "this is <<< not a feed"});
        String source = register("/garbage.atom", "atom");
        JsonNode failing = awaitPolls(source, 1);
        assertThat(failing.get("state").asString()).isEqualTo("failing");
        assertThat(failing.get("lastError").asString()).contains("could not read the document as atom");

        served.remove("/garbage.atom");
        node.post("/v1/ingest/sources/" + source + "/poll", editor, "");
        assertThat(awaitPolls(source, 2).get("lastError").asString()).contains("HTTP 500");

        served.put("/garbage.atom", new String[] {"application/atom+xml", atom(entry("urn:ansa:g1", "Recuperato", "2026-05-01T10:00:00Z"),
                "<entry><title>No id, no link</title></entry>",
                "<entry><id>urn:ansa:g2</id><title>Bad date</title><updated>yesterday</updated></entry>")});
        node.post("/v1/ingest/sources/" + source + "/poll", editor, "");
        JsonNode recovered = awaitPolls(source, 3);
        assertThat(recovered.get("state").asString()).isEqualTo("ok");
        assertThat(recovered.get("lastError").isNull()).isTrue();
        assertThat(recovered.get("counts").get("published").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(recovered.get("problems")).isNotEmpty();
        assertThat(recovered.get("problems").get(0).get("detail").asString()).isNotBlank();
    }

    @Test
    void sourcesAreAnEditorsOwnToListChangePauseAndRemove() {
        served.put("/paused.atom", new String[] {"application/atom+xml", atom()});
        String source = register("/paused.atom", "atom");
        awaitPolls(source, 1);

        assertThat(node.get("/v1/ingest/sources", editor).json().get("items")).anySatisfy(s -> assertThat(s.get("id").asString()).isEqualTo(source));
        assertThat(node.get("/v1/ingest/sources/" + source, otherEditor).status()).isEqualTo(404);
        assertThat(node.get("/v1/ingest/sources", partner).status()).isEqualTo(403);
        assertThat(node.post("/v1/ingest/sources", editor, "{\"url\": \"ftp://x\", \"format\": \"atom\", \"products\": [\"wire\"]}").status()).isEqualTo(422);
        assertThat(node.post("/v1/ingest/sources", editor, "{\"url\": \"http://x/\", \"format\": \"atom\", \"products\": [\"other-wire\"]}").status()).isEqualTo(422);

        TestNode.Answer paused = patch("/v1/ingest/sources/" + source, "{\"paused\": true, \"intervalSeconds\": 60}");
        assertThat(paused.status()).isEqualTo(200);
        assertThat(paused.json().get("paused").asBoolean()).isTrue();
        assertThat(paused.json().get("intervalSeconds").asInt()).isEqualTo(60);

        assertThat(node.delete("/v1/ingest/sources/" + source, editor, "").status()).isEqualTo(204);
        assertThat(node.get("/v1/ingest/sources/" + source, editor).status()).isEqualTo(404);
    }

    private TestNode.Answer upload(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(node.base + path)).POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType));
    }

    private TestNode.Answer patch(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(node.base + path)).method("PATCH", HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"));
    }

    private TestNode.Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + editor).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? null : ponte.formats.NinjsWriter.mapper().readTree(response.body());
            return new TestNode.Answer(response.statusCode(), response, json);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.app.Networks.aNetwork;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import ponte.formats.NinjsWriter;
import tools.jackson.databind.JsonNode;

/**
 * A backfill: a file of ninjs items, one per line, streamed to PUT /v1/ingest/imports/{id} over real HTTP, filed as it
 * arrives, answered with NDJSON progress, and resumable after the connection is cut.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackfillTest {
    @TempDir
    static Path dataDir;

    TestNode node;
    String editor;
    String partner;
    String outsider;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        node = new TestNode(dataDir, Clock.systemUTC());
        Networks.Keys keys = aNetwork(node)
                .agency("ansa", "IT").withProducts("wire", "archive").licensedTo("kbs", "wire")
                .partner("kbs", "KR")
                .partner("nhk", "JP")
                .build();
        editor = keys.editor("ansa");
        partner = keys.partner("kbs");
        outsider = keys.partner("nhk");
    }

    @AfterAll
    void stop() throws Exception {
        node.close();
    }

    /** {@code n} ninjs items, one per line, uris {@code urn:<prefix>:1…n}. */
    static String file(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> item(prefix, i)).collect(Collectors.joining("\n", "", "\n"));
    }

    static String item(String prefix, int i) {
        return "{\"uri\": \"urn:" + prefix + ":" + i + "\", \"type\": \"text\", \"language\": \"it\", \"versionCreated\": \"2020-01-01T00:00:00Z\", "
                + "\"headlines\": [{\"role\": \"main\", \"value\": \"Archivio " + i + "\"}], \"bodies\": [{\"contentType\": \"text/plain\", \"value\": \"Testo " + i + "\"}]}";
    }

    List<JsonNode> put(String id, String query, String body) throws Exception {
        HttpResponse<java.util.stream.Stream<String>> r = http.send(HttpRequest.newBuilder(URI.create(node.base + "/v1/ingest/imports/" + id + query))
                .header("Authorization", "Bearer " + editor).header("Content-Type", "application/x-ndjson")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/x-ndjson"));
        List<JsonNode> lines = new ArrayList<>();
        r.body().forEach(l -> lines.add(NinjsWriter.mapper().readTree(l)));
        return lines;
    }

    static JsonNode last(List<JsonNode> lines) {
        return lines.getLast();
    }

    /** The uris with this prefix the partner's feed holds, in feed order, each with its event. */
    List<String> feed(String key, String prefix) {
        return feed(key).stream().filter(e -> e.startsWith("urn:" + prefix + ":")).toList();
    }

    /** Every entry of the partner's feed as "uri event", in feed order. */
    List<String> feed(String key) {
        return node.wholeFeed(key).stream().map(e -> e.get("item").get("uri").asString() + " " + e.get("event").asString()).toList();
    }

    static List<String> published(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "urn:" + prefix + ":" + i + " published").toList();
    }

    @Test
    void aThousandAndMoreItemsLandInFileOrderEachOnceWithProgressAndAnAuditEntry() throws Exception {
        List<JsonNode> answer = put("bulk-1", "?products=wire", file("bulk", 1500));

        assertThat(answer.getFirst().get("type").asString()).isEqualTo("started");
        JsonNode done = last(answer);
        assertThat(done.get("type").asString()).as(done.toString()).isEqualTo("done");
        assertThat(done.get("published").asLong()).isEqualTo(1500);
        assertThat(done.get("checkpoint").asLong()).isEqualTo(1500);
        assertThat(done.get("failed").asLong()).isZero();
        assertThat(feed(partner, "bulk")).containsExactlyElementsOf(published("bulk", 1500));

        JsonNode state = node.get("/v1/ingest/imports/bulk-1", editor).json();
        assertThat(state.get("checkpoint").asLong()).isEqualTo(1500);
        assertThat(state.get("counts").get("published").asLong()).isEqualTo(1500);
        assertThat(node.get("/v1/ingest/imports/bulk-1", partner).status()).isEqualTo(403);
        assertThat(node.get("/v1/ingest/imports/never", editor).status()).isEqualTo(404);
        assertThat(node.get("/v1/audit?limit=100", TestNode.ADMIN).json().get("items")).anySatisfy(e ->
                assertThat(e.get("summary").asString()).startsWith("import bulk-1 (run 1) done at line 1500: 1500 published"));
    }

    @Test
    void anImportCutMidStreamAndRunAgainFilesEveryItemExactlyOnce() throws Exception {
        String whole = file("cut", 2400);
        byte[] bytes = whole.getBytes(StandardCharsets.UTF_8);
        URI base = URI.create(node.base);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /v1/ingest/imports/cut-1?products=wire HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nAuthorization: Bearer " + editor
                    + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, bytes.length / 2 + 17); // half the file and part of a line, then the connection drops
            out.flush();
            // Wait until the node has filed much of what was sent, so the cut comes mid-stream rather than before it began.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> feed(partner, "cut").size() >= 600);
            socket.setSoLinger(true, 0); // an abrupt reset, as a killed client leaves it
        }
        long checkpoint = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(
                () -> node.get("/v1/ingest/imports/cut-1", editor).json().get("checkpoint").asLong(), c -> c >= 600 && runEnded("cut-1"));
        assertThat(checkpoint).isLessThan(2400);

        JsonNode done = last(put("cut-1", "?products=wire", whole));

        assertThat(done.get("type").asString()).as(done.toString()).isEqualTo("done");
        assertThat(done.get("skipped").asLong()).isEqualTo(checkpoint);
        assertThat(done.get("published").asLong() + done.get("unchanged").asLong()).isEqualTo(2400 - checkpoint);
        assertThat(feed(partner, "cut")).containsExactlyElementsOf(published("cut", 2400));
        assertThat(node.get("/v1/ingest/imports/cut-1", editor).json().get("counts").get("published").asLong()).isEqualTo(2400);
    }

    /** The first run has ended (closed its checkpoint) once a second can start: a running one answers 409. */
    private boolean runEnded(String id) {
        return node.get("/v1/ingest/imports/" + id, editor).json().get("updatedAt") != null
                && put409Free(id);
    }

    private boolean put409Free(String id) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(node.base + "/v1/ingest/imports/" + id + "?products=archive"))
                    .header("Authorization", "Bearer " + editor).PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() != 409 || !r.body().contains("is running now");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theSameFileUnderAnotherIdFindsEveryItemByUriAndDoublesNothing() throws Exception {
        String twice = file("again", 600);
        assertThat(last(put("again-1", "?products=wire", twice)).get("published").asLong()).isEqualTo(600);

        JsonNode second = last(put("again-2", "?products=wire", twice));

        assertThat(second.get("unchanged").asLong()).isEqualTo(600);
        assertThat(second.get("published").asLong()).isZero();
        assertThat(feed(partner, "again")).containsExactlyElementsOf(published("again", 600));
    }

    @Test
    void badLinesAreReportedWithTheirNumbersAndPointersWhileGoodOnesLand() throws Exception {
        String body = String.join("\n", item("bad", 1), "this is not JSON",
                "{\"uri\": \"urn:bad:3\", \"type\": \"text\", \"headlines\": \"not a list\"}",
                "{\"type\": \"text\", \"headlines\": [{\"value\": \"no uri\"}]}",
                "", item("bad", 6)) + "\n";

        List<JsonNode> answer = put("bad-1", "?products=wire", body);

        List<String> problems = answer.stream().filter(l -> l.get("type").asString().equals("problem"))
                .map(l -> l.get("line").asLong() + " " + l.get("errors").get(0).get("pointer").asString()).toList();
        assertThat(problems).containsExactly("2 ", "3 /headlines", "4 /uri");
        JsonNode done = last(answer);
        assertThat(done.get("type").asString()).isEqualTo("done");
        assertThat(done.get("published").asLong()).isEqualTo(2);
        assertThat(done.get("failed").asLong()).isEqualTo(3);
        assertThat(feed(partner, "bad")).containsExactly("urn:bad:1 published", "urn:bad:6 published");
    }

    @Test
    void onErrorStopEndsAtTheFirstBadLineHavingFiledTheLinesBeforeIt() throws Exception {
        String body = String.join("\n", item("stop", 1), item("stop", 2), "{", item("stop", 4)) + "\n";

        JsonNode done = last(put("stop-1", "?products=wire&onError=stop", body));

        assertThat(done.get("type").asString()).isEqualTo("stopped");
        assertThat(done.get("checkpoint").asLong()).isEqualTo(3);
        assertThat(feed(partner, "stop")).containsExactly("urn:stop:1 published", "urn:stop:2 published");
    }

    @Test
    void aPartnerSeesOnlyTheImportedItemsItIsLicensedFor() throws Exception {
        assertThat(last(put("licensed", "?products=wire", file("lic", 50))).get("published").asLong()).isEqualTo(50);
        assertThat(last(put("unlicensed", "?products=archive", file("unlic", 50))).get("published").asLong()).isEqualTo(50);

        List<String> licensed = feed(partner);
        assertThat(licensed).filteredOn(e -> e.startsWith("urn:lic:")).hasSize(50);
        assertThat(licensed).noneMatch(e -> e.startsWith("urn:unlic:"));
        assertThat(feed(outsider)).noneMatch(e -> e.startsWith("urn:lic:") || e.startsWith("urn:unlic:"));
    }

    @Test
    void aResumedImportMustKeepItsProductsAndCannotSkipLines() throws Exception {
        put("kept", "?products=wire", file("kept", 10));

        assertThat(node.send("PUT", "/v1/ingest/imports/kept?products=archive", editor, "application/x-ndjson", new byte[0]).status()).isEqualTo(409);
        assertThat(node.send("PUT", "/v1/ingest/imports/kept?products=wire&from=12", editor, "application/x-ndjson", new byte[0]).status()).isEqualTo(422);
        assertThat(node.send("PUT", "/v1/ingest/imports/kept?products=other", editor, "application/x-ndjson", new byte[0]).status()).isEqualTo(422);
        assertThat(node.send("PUT", "/v1/ingest/imports/kept?products=wire", partner, "application/x-ndjson", new byte[0]).status()).isEqualTo(403);
        assertThat(node.send("PUT", "/v1/ingest/imports/Bad-Id?products=wire", editor, "application/x-ndjson", new byte[0]).status()).isEqualTo(422);
    }
}

package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ponte.app.Networks.aNetwork;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
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
 * POST /v1/ingest/files with documents larger than any request body Ponte reads whole (2 MiB), in every format,
 * streamed over real HTTP: read entry by entry, filed as a backfill is, answered as a JSON report or as NDJSON
 * progress, and posted again after an interruption without doubling anything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamedFilesTest {
    /** The largest body Ponte reads whole (Exchange.MAX_BODY): every large document here is bigger. */
    static final int WHOLE_BODY_BOUND = 2 * 1024 * 1024;
    static final String FILLER = "Testo completo dell'archivio, abbastanza lungo da fare un documento grande. ".repeat(24);

    @TempDir
    static Path dataDir;

    TestNode node;
    String editor;
    String partner;

    @BeforeAll
    void start() throws Exception {
        node = new TestNode(dataDir, Clock.systemUTC());
        Networks.Keys keys = aNetwork(node)
                .agency("ansa", "IT").withProducts("wire").licensedTo("kbs")
                .partner("kbs", "KR")
                .build();
        editor = keys.editor("ansa");
        partner = keys.partner("kbs");
    }

    @AfterAll
    void stop() throws Exception {
        node.close();
    }

    static String atom(String prefix, int n) {
        return "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:at=\"http://purl.org/atompub/tombstones/1.0\" xml:lang=\"it\">"
                + "<id>urn:" + prefix + ":feed</id><title>ANSA</title><updated>2026-05-01T12:00:00Z</updated>"
                + IntStream.rangeClosed(1, n).mapToObj(i -> atomEntry(prefix, i, "Archivio " + i, "")).collect(Collectors.joining()) + "</feed>";
    }

    static String atomEntry(String prefix, int i, String title, String more) {
        return "<entry><id>urn:" + prefix + ":" + i + "</id><title>" + title + "</title><updated>2026-05-01T10:00:00Z</updated>" + more
                + "<content type=\"text\">" + FILLER + i + "</content></entry>";
    }

    static String rssItem(String prefix, int i) {
        return "<item><guid>urn:" + prefix + ":" + i + "</guid><title>Archivio " + i + "</title><description>" + FILLER + i + "</description></item>";
    }

    static String newsMessage(String prefix, int n) {
        return "<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\"><header><sent>2026-05-01T12:00:00Z</sent></header><itemSet>"
                + IntStream.rangeClosed(1, n).mapToObj(i -> "<newsItem guid=\"urn:" + prefix + ":" + i + "\" version=\"1\" standard=\"NewsML-G2\""
                        + " standardversion=\"2.35\" xml:lang=\"it\"><itemMeta><itemClass qcode=\"ninat:text\"/><provider literal=\"ansa\"/>"
                        + "<versionCreated>2026-05-01T10:00:00Z</versionCreated><pubStatus qcode=\"stat:usable\"/></itemMeta><contentMeta>"
                        + "<headline>Archivio " + i + "</headline></contentMeta><contentSet><inlineData contenttype=\"text/plain\">" + FILLER + i
                        + "</inlineData></contentSet></newsItem>").collect(Collectors.joining())
                + "</itemSet></newsMessage>";
    }

    static String ninjs(String prefix, int i) {
        return "{\"uri\": \"urn:" + prefix + ":" + i + "\", \"type\": \"text\", \"language\": \"it\", \"headlines\": [{\"role\": \"main\", \"value\": \"Archivio "
                + i + "\"}], \"bodies\": [{\"contentType\": \"text/plain\", \"value\": \"" + FILLER + i + "\"}]}";
    }

    static String ninjsArray(String prefix, int n, IntFunction<String> item) {
        return IntStream.rangeClosed(1, n).mapToObj(item).collect(Collectors.joining(",\n", "[", "]"));
    }

    TestNode.Answer post(String query, String contentType, String body) {
        return node.send("POST", "/v1/ingest/files" + query, editor, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Every entry of the partner's feed with this uri prefix, as "uri event", in feed order. */
    List<String> feed(String prefix) {
        return node.wholeFeed(partner).stream().map(e -> e.get("item").get("uri").asString() + " " + e.get("event").asString())
                .filter(e -> e.startsWith("urn:" + prefix + ":")).toList();
    }

    static List<String> published(String prefix, int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "urn:" + prefix + ":" + i + " published").toList();
    }

    @Test
    void anAtomFeedLargerThanAnyWholeBodyLandsEntryByEntryAndTheReportListsTheFirstThousandReceipts() throws Exception {
        String feed = atom("atom", 1200);
        assertThat(feed.length()).isGreaterThan(WHOLE_BODY_BOUND);

        TestNode.Answer report = post("?products=wire", "application/atom+xml", feed);

        assertThat(report.status()).as(report.raw().body()).isEqualTo(200);
        assertThat(report.json().get("published").asInt()).isEqualTo(1200);
        assertThat(report.json().get("failed").asInt()).isZero();
        assertThat(report.json().get("items")).hasSize(1000);
        assertThat(report.json().get("items").get(0).get("uri").asString()).isEqualTo("urn:atom:1");
        assertThat(report.json().get("itemsOmitted").asInt()).isEqualTo(200);
        assertThat(feed("atom")).containsExactlyElementsOf(published("atom", 1, 1200));
    }

    @Test
    void aStreamedFeedKillsByTombstoneAndCorrectsAsTheSourceSays() throws Exception {
        post("?products=wire", "application/atom+xml", atom("fix", 3));
        String changes = "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:at=\"http://purl.org/atompub/tombstones/1.0\" xml:lang=\"it\">"
                + "<id>urn:fix:feed</id><title>ANSA</title><updated>2026-05-01T13:00:00Z</updated>"
                + atomEntry("fix", 2, "Archivio 2, corretto", "<category scheme=\"urn:ponte:event\" term=\"corrected\"/>")
                + atomEntry("fix", 3, "Archivio 3", "")
                + "<at:deleted-entry ref=\"urn:fix:1\" when=\"2026-05-01T13:00:00Z\"/></feed>";

        TestNode.Answer report = post("?products=wire", "application/atom+xml", changes);

        assertThat(report.json().get("killed").asInt()).as(report.raw().body()).isEqualTo(1);
        assertThat(report.json().get("updated").asInt()).isEqualTo(1);
        assertThat(report.json().get("unchanged").asInt()).isEqualTo(1);
        assertThat(feed("fix")).containsExactly("urn:fix:1 published", "urn:fix:2 published", "urn:fix:3 published",
                "urn:fix:2 corrected", "urn:fix:1 killed");
    }

    @Test
    void aNinjsArrayAnsweredInNdjsonShowsProgressAndEachBadEntryByItsNumberWhileTheOthersLand() throws Exception {
        String array = ninjsArray("arr", 1200, i -> switch (i) {
            case 700 -> ninjs("arr", i).replace("\"type\": \"text\"", "\"urgency\": \"very\", \"type\": \"text\"");
            case 900 -> "{\"headlines\": [{\"value\": \"No uri\"}]}";
            default -> ninjs("arr", i);
        });
        byte[] body = array.getBytes(StandardCharsets.UTF_8);

        List<JsonNode> lines = slowUpload("?products=wire", "application/json", body, "arr", 256);

        assertThat(lines.getFirst().get("type").asString()).isEqualTo("started");
        assertThat(lines).filteredOn(l -> l.get("type").asString().equals("progress"))
                .anySatisfy(p -> assertThat(p.get("number").asInt()).isBetween(1, 1199));
        assertThat(lines).filteredOn(l -> l.get("type").asString().equals("problem"))
                .extracting(p -> p.get("number").asInt() + " " + p.get("entry").asString())
                .containsExactly("700 urn:arr:700", "900 item 900");
        assertThat(lines).filteredOn(l -> l.get("type").asString().equals("problem")).first()
                .satisfies(p -> assertThat(p.get("errors").get(0).get("detail").asString()).contains("/urgency"));
        JsonNode done = lines.getLast();
        assertThat(done.get("type").asString()).as(done.toString()).isEqualTo("done");
        assertThat(done.get("number").asInt()).isEqualTo(1200);
        assertThat(done.get("published").asInt()).isEqualTo(1198);
        assertThat(done.get("failed").asInt()).isEqualTo(2);
        assertThat(feed("arr")).hasSize(1198).doesNotContain("urn:arr:700 published");
    }

    @Test
    void aNewsMlG2MessageCutMidUploadAndPostedAgainFilesEveryItemExactlyOnce() throws Exception {
        byte[] whole = newsMessage("cut", 1200).getBytes(StandardCharsets.UTF_8);
        URI base = URI.create(node.base);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(head("?products=wire", "application/vnd.iptc.g2.newsmessage+xml", whole.length, "application/json"));
            out.write(whole, 0, whole.length / 2 + 17); // half the document and part of an item, then the connection drops
            out.flush();
            await().atMost(Duration.ofSeconds(60)).until(() -> feed("cut").size() >= 256);
            socket.setSoLinger(true, 0); // an abrupt reset, as a killed client leaves it
        }
        // The cut upload has ended once its summary is on the audit trail: what it had queued has committed.
        await().atMost(Duration.ofSeconds(60)).until(() -> audited("stopped there"));
        int filedBefore = feed("cut").size();
        assertThat(filedBefore).isBetween(256, 1199);

        TestNode.Answer again = post("?products=wire", "application/vnd.iptc.g2.newsmessage+xml", new String(whole, StandardCharsets.UTF_8));

        assertThat(again.status()).as(again.raw().body()).isEqualTo(200);
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(filedBefore);
        assertThat(again.json().get("published").asInt()).isEqualTo(1200 - filedBefore);
        assertThat(again.json().get("failed").asInt()).isZero();
        assertThat(feed("cut")).containsExactlyElementsOf(published("cut", 1, 1200));
    }

    @Test
    void anRssFeedThatBreaksMidwayKeepsTheItemsBeforeAndReportsTheRestAsOneProblem() throws Exception {
        String rss = "<rss version=\"2.0\"><channel><title>x</title><link>http://x/</link><description>x</description><language>it</language>"
                + IntStream.rangeClosed(1, 500).mapToObj(i -> rssItem("rss", i)).collect(Collectors.joining())
                + "<item><title>Broken</title></channel></rss>";

        TestNode.Answer report = post("?products=wire", "application/rss+xml", rss);

        assertThat(report.status()).as(report.raw().body()).isEqualTo(200);
        assertThat(report.json().get("published").asInt()).isEqualTo(500);
        assertThat(report.json().get("failed").asInt()).isEqualTo(1);
        JsonNode problem = report.json().get("problems").get(0);
        assertThat(problem.get("number").asInt()).isEqualTo(501);
        assertThat(problem.get("detail").asString()).contains("cannot be read from here on");
        assertThat(feed("rss")).containsExactlyElementsOf(published("rss", 1, 500));
    }

    @Test
    void ninjsLinesAreReadOneByOneAndABadLineOrAnOversizedOneIsOnlyThatItemsProblem() throws Exception {
        String lines = IntStream.rangeClosed(1, 600).mapToObj(i -> switch (i) {
            case 300 -> "{\"uri\": \"urn:nd:300\", this is not JSON";
            case 450 -> ninjs("nd", i).replace(FILLER, "x".repeat(WHOLE_BODY_BOUND + 1));
            default -> ninjs("nd", i);
        }).collect(Collectors.joining("\n", "", "\n"));

        TestNode.Answer report = post("?products=wire", "application/x-ndjson", lines);

        assertThat(report.status()).as(report.raw().body()).isEqualTo(200);
        assertThat(report.json().get("published").asInt()).isEqualTo(598);
        assertThat(report.json().get("problems")).extracting(p -> p.get("number").asInt() + " " + p.get("detail").asString().substring(0, 10))
                .containsExactly("300 not JSON: ", "450 a line is ");
        assertThat(feed("nd")).hasSize(598);
    }

    @Test
    void aDocumentThatCannotBeReadAtAllIsRefusedAsAProblemWithNothingFiled() throws Exception {
        TestNode.Answer garbage = post("?products=wire&format=atom", "application/octet-stream", "this is <<< not a feed");
        TestNode.Answer doctype = post("?products=wire", "application/atom+xml", "<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY x SYSTEM "
                + "\"file:///etc/passwd\">]><feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>urn:dtd:1</id><title>&x;</title></entry></feed>");
        TestNode.Answer empty = post("?products=wire", "application/json", "");

        for (TestNode.Answer refused : List.of(garbage, doctype)) {
            assertThat(refused.status()).as(refused.raw().body()).isEqualTo(422);
            assertThat(refused.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }
        assertThat(empty.status()).isEqualTo(400);
        assertThat(feed("dtd")).isEmpty();
    }

    private boolean audited(String words) {
        return node.get("/v1/audit?limit=200", TestNode.ADMIN).json().get("items").valueStream()
                .anyMatch(e -> e.get("summary").asString().startsWith("imported a document of") && e.get("summary").asString().contains(words));
    }

    private byte[] head(String query, String contentType, long length, String accept) {
        URI base = URI.create(node.base);
        return ("POST /v1/ingest/files" + query + " HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nAuthorization: Bearer " + editor
                + "\r\nContent-Type: " + contentType + "\r\nAccept: " + accept + "\r\nContent-Length: " + length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A client on a slow line: a third of the body, then (once the node has filed much of it and a progress line is
     * due) the rest; answers the NDJSON answer's lines, the chunked framing stripped.
     */
    private List<JsonNode> slowUpload(String query, String contentType, byte[] body, String prefix, int filedFirst) throws Exception {
        URI base = URI.create(node.base);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            long started = System.nanoTime();
            out.write(head(query, contentType, body.length, "application/x-ndjson"));
            out.write(body, 0, body.length / 3);
            out.flush();
            // Progress is reported about four times a second, as entries are read: the line is slow for longer than that.
            await().atMost(Duration.ofSeconds(60)).until(() -> feed(prefix).size() >= filedFirst
                    && System.nanoTime() - started > Duration.ofMillis(300).toNanos());
            out.write(body, body.length / 3, body.length - body.length / 3);
            out.flush();
            InputStream in = socket.getInputStream();
            List<JsonNode> lines = new ArrayList<>();
            while (lines.isEmpty() || !List.of("done", "failed").contains(lines.getLast().get("type").asString())) {
                lines.addAll(readLines(in));
            }
            return lines;
        }
    }

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    /** The JSON lines the answer has brought so far (at least one more), from the raw HTTP/1.1 bytes. */
    private List<JsonNode> readLines(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        int read = in.read(buffer);
        if (read < 0) {
            throw new IOException("the node closed the connection");
        }
        pending.write(buffer, 0, read);
        String text = pending.toString(StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return List.of();
        }
        pending.reset();
        pending.write(text.substring(end + 1).getBytes(StandardCharsets.UTF_8));
        List<JsonNode> out = new ArrayList<>();
        for (String line : text.substring(0, end).split("\r?\n")) {
            if (line.startsWith("{")) {
                out.add(NinjsWriter.mapper().readTree(line));
            }
        }
        return out;
    }
}

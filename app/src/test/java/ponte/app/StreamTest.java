package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ponte.app.TestNode.ninjs;
import static ponte.app.TestNode.publishBody;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.delivery.DeliverySettings;
import ponte.formats.NinjsWriter;
import tools.jackson.databind.JsonNode;

/** GET /v1/stream: the feed as Server-Sent Events, live, resumable with Last-Event-ID, with heartbeats. */
class StreamTest {
    @TempDir
    static Path dataDir;

    static TestNode node;
    static String editor;
    static String partner;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        node = new TestNode(dataDir, Clock.systemUTC(), DeliverySettings.defaults().withHeartbeat(Duration.ofMillis(300)));
        Networks.Keys keys = Networks.newsLicence(node, "DE");
        editor = keys.editor("agency");
        partner = keys.partner("partner");
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    /** An open stream, its lines arriving on a queue. */
    record Stream(HttpResponse<java.util.stream.Stream<String>> response, BlockingQueue<String> lines) implements AutoCloseable {
        static Stream open(String query, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.base + "/v1/stream" + query)).header("Authorization", "Bearer " + partner);
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<java.util.stream.Stream<String>> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines());
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread.ofVirtual().start(() -> {
                try {
                    response.body().forEach(lines::add);
                } catch (RuntimeException closed) {
                    // the test closed the stream
                }
            });
            return new Stream(response, lines);
        }

        /** The next {@code n} events as (id, event, data). */
        List<String[]> events(int n) throws InterruptedException {
            List<String[]> out = new ArrayList<>();
            String id = null;
            String event = null;
            while (out.size() < n) {
                String line = lines.poll(10, TimeUnit.SECONDS);
                assertThat(line).as("an event line within 10 s").isNotNull();
                if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    out.add(new String[] {id, event, line.substring(6)});
                }
            }
            return out;
        }

        @Override
        public void close() {
            response.body().close();
        }
    }

    static String publish(String headline) {
        return node.post("/v1/items", editor, publishBody(ninjs("it", headline), "news")).json().get("cursor").asString();
    }

    static String headline(String data) {
        JsonNode json = NinjsWriter.mapper().readTree(data);
        return json.get("item").get("headlines").get(0).get("value").asString();
    }

    @Test
    void streamCarriesTheFeedsEntriesLiveWithTheirCursorsAsIds() throws Exception {
        String head = "c" + Long.toString(node.handle().head().seq(), 36);
        try (Stream stream = Stream.open("?after=" + head, null)) {
            assertThat(stream.response().statusCode()).isEqualTo(200);
            assertThat(stream.response().headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
            String first = publish("Live one");
            String second = publish("Live two");
            List<String[]> events = stream.events(2);
            assertThat(events.get(0)[0]).isEqualTo(first);
            assertThat(events.get(1)[0]).isEqualTo(second);
            assertThat(events.get(0)[1]).isEqualTo("published");
            assertThat(headline(events.get(0)[2])).isEqualTo("Live one");
            // Same entries as the feed, rendered the same way.
            JsonNode feed = node.get("/v1/feed?after=" + head, partner).json().get("entries");
            assertThat(NinjsWriter.mapper().readTree(events.get(1)[2])).isEqualTo(feed.get(1));
            await().atMost(Duration.ofSeconds(5)).until(() -> stream.lines().stream().anyMatch(l -> l.equals(": heartbeat")));
        }
    }

    @Test
    void reconnectingWithLastEventIdResumesRightAfterIt() throws Exception {
        String a = publish("Resume A");
        String b = publish("Resume B");
        String c = publish("Resume C");
        // Last-Event-ID wins over the query the client reconnects to.
        try (Stream stream = Stream.open("?after=" + c, a)) {
            List<String[]> events = stream.events(2);
            assertThat(events).extracting(e -> e[0]).containsExactly(b, c);
            assertThat(events).extracting(e -> headline(e[2])).containsExactly("Resume B", "Resume C");
        }
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(node.base + "/v1/stream")).header("Authorization", "Bearer " + partner)
                .header("Last-Event-ID", "42").build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(422);
    }

    @Test
    void aReaderThatStopsReadingDoesNotHoldBackAnother() throws Exception {
        String head = "c" + Long.toString(node.handle().head().seq(), 36);
        try (Socket stuck = new Socket()) {
            stuck.setReceiveBufferSize(1024);
            stuck.connect(new java.net.InetSocketAddress("127.0.0.1", URI.create(node.base).getPort()));
            OutputStream out = stuck.getOutputStream();
            out.write(("GET /v1/stream?after=" + head + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + partner + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush(); // and never read a byte
            try (Stream reader = Stream.open("?after=" + head, null)) {
                String big = "Long story. ".repeat(2_000);
                List<String> cursors = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    cursors.add(publish("Slow test " + i + " " + big));
                }
                assertThat(reader.events(60)).extracting(e -> e[0]).containsExactlyElementsOf(cursors);
            }
        }
    }

    @Test
    void streamNeedsAKey() throws Exception {
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(node.base + "/v1/stream")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);
    }
}

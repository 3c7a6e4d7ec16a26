package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ponte.app.Networks.aNetwork;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.formats.NinjsWriter;
import tools.jackson.databind.JsonNode;

/** A node killed with SIGKILL mid-transcode: the file is transcoded again at the next start, and nothing half-written is listed. */
class MediaDurabilityTest {
    @TempDir
    Path dataDir;
    @TempDir
    Path clipsDir;

    @Test
    void killDashNineMidTranscodeRunsTheJobAgainAndListsOnlyWholeRenditions() throws Exception {
        // Long enough to be caught mid-way on a busy machine, quick to make: 20 s of 640x480 at 25 frames.
        byte[] clip = Clips.read(Clips.make(clipsDir.resolve("long.mp4"), "-f", "lavfi", "-i", "testsrc=size=640x480:rate=25:duration=20",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"));
        Process server = ServerProcess.start(dataDir, Map.of());
        String editor;
        String id;
        try {
            String base = ServerProcess.awaitUrl(server);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            editor = aNetwork(base).agency("agency", "IT").withProducts("news").build().editor("agency");
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/media")).header("Authorization", "Bearer " + editor)
                    .header("Content-Type", "video/mp4").POST(HttpRequest.BodyPublishers.ofByteArray(clip)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            id = NinjsWriter.mapper().readTree(created.body()).get("id").asString();
            String mediaId = id;
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
                JsonNode m = NinjsWriter.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/v1/media/" + mediaId))
                        .header("Authorization", "Bearer " + editor).build(), HttpResponse.BodyHandlers.ofString()).body());
                assertThat(m.get("state").asString()).as("caught before the end").isEqualTo("processing");
                return m.get("progress").asInt() > 0;
            });
            server.destroyForcibly(); // SIGKILL while ffmpeg writes the renditions
            server.waitFor(10, TimeUnit.SECONDS);
        } finally {
            server.destroyForcibly();
        }

        // The claim of the dead node goes stale after 2 s here (2 minutes by default); the restarted node takes the file up.
        try (TestNode node = new TestNode(TestDatabase.settingsFor(dataDir, TestNode.ADMIN)
                .withMedia(MediaSettings.defaults().withStaleAfter(Duration.ofSeconds(2))), Clock.systemUTC())) {
            JsonNode before = node.get("/v1/media/" + id, editor).json();
            assertThat(before.get("state").asString()).isEqualTo("processing");
            assertThat(before.get("renditions")).as("nothing listed before every rendition is whole").isEmpty();
            String mediaId = id;
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> node.get("/v1/media/" + mediaId, editor).json().get("state").asString().equals("ready"));
            JsonNode ready = node.get("/v1/media/" + id, editor).json();
            assertThat(MediaTest.names(ready)).containsExactlyInAnyOrder("1080p", "720p", "proxy", "poster", "thumbnails");
            for (JsonNode r : ready.get("renditions")) {
                String sha = r.get("sha256").asString();
                Path blob = dataDir.resolve("media/blobs").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
                byte[] bytes = Files.readAllBytes(blob);
                assertThat(bytes).as(r.get("name").asString()).hasSize(r.get("size").asInt());
                assertThat(MediaTest.sha256(bytes)).as(r.get("name").asString()).isEqualTo(sha);
                if (r.get("contentType").asString().equals("video/mp4")) {
                    assertThat(Clips.probe(blob)).as(r.get("name").asString()).startsWith("h264,");
                }
            }
            try (var work = Files.list(dataDir.resolve("media/work"))) {
                assertThat(work).as("the killed run's work directory was cleared").isEmpty();
            }
        }
    }
}

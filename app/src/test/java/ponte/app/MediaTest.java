package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Uploads of real video, photo and audio, and the renditions ffmpeg makes of them; every bad input and fault refused. */
class MediaTest {
    static final long LIMIT = 1024 * 1024;

    @TempDir
    static Path dataDir;
    @TempDir
    static Path clipsDir;
    static Clips clips;
    static TestNode node;
    static String editor;
    static String partner;

    @BeforeAll
    static void start() throws Exception {
        clips = new Clips(clipsDir);
        node = new TestNode(TestDatabase.settingsFor(dataDir, TestNode.ADMIN).withMedia(MediaSettings.defaults().withMaxUploadBytes(LIMIT)),
                Clock.systemUTC());
        TestNode.Licensed keys = node.newsLicence("KR");
        editor = keys.editor();
        partner = keys.partner();
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    @Test
    void uploadedVideoBecomesReadyWithEveryRendition() {
        byte[] video = Clips.read(clips.video);
        TestNode.Answer created = node.send("POST", "/v1/media?filename=testsrc.mp4", editor, "video/mp4", video);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("location")).isEqualTo("/v1/media/" + id);
        assertThat(created.json().get("state").asString()).isEqualTo("processing");
        assertThat(created.json().get("contentType").asString()).isEqualTo("video/mp4");
        assertThat(created.json().get("size").asLong()).isEqualTo(video.length);
        assertThat(created.json().get("sha256").asString()).isEqualTo(sha256(video));
        assertThat(created.json().get("filename").asString()).isEqualTo("testsrc.mp4");

        JsonNode ready = awaitState(id, "ready");
        assertThat(ready.get("progress").asInt()).isEqualTo(100);
        assertThat(names(ready)).containsExactlyInAnyOrder("1080p", "720p", "proxy", "poster", "thumbnails");
        // Never scaled up: the 480-line source stays 480 lines in the 1080p and 720p renditions; the proxy is 360.
        assertThat(rendition(ready, "1080p").get("height").asInt()).isEqualTo(480);
        assertThat(rendition(ready, "720p").get("height").asInt()).isEqualTo(480);
        assertThat(rendition(ready, "proxy").get("height").asInt()).isEqualTo(360);
        assertThat(rendition(ready, "proxy").get("width").asInt()).isEqualTo(480);
        assertThat(rendition(ready, "proxy").get("contentType").asString()).isEqualTo("video/mp4");
        assertThat(rendition(ready, "proxy").get("duration").asDouble()).isBetween(1.9, 2.1);
        assertThat(rendition(ready, "poster").get("contentType").asString()).isEqualTo("image/jpeg");
        assertThat(rendition(ready, "thumbnails").get("width").asInt()).isEqualTo(1600); // ten frames 160 wide
    }

    @Test
    void uploadedPhotoGetsThreeJpegSizesNeverLargerThanItself() {
        JsonNode ready = awaitState(uploaded(clips.photo, "image/jpeg"), "ready");
        assertThat(names(ready)).containsExactlyInAnyOrder("large", "medium", "small");
        assertThat(rendition(ready, "large").get("width").asInt()).isEqualTo(800);
        assertThat(rendition(ready, "medium").get("width").asInt()).isEqualTo(800);
        assertThat(rendition(ready, "small").get("width").asInt()).isEqualTo(320);
        assertThat(rendition(ready, "small").get("height").asInt()).isEqualTo(240);
    }

    @Test
    void uploadedAudioGetsAnAacRendition() {
        JsonNode ready = awaitState(uploaded(clips.audio, "audio/mpeg"), "ready");
        assertThat(names(ready)).containsExactly("aac");
        assertThat(rendition(ready, "aac").get("contentType").asString()).isEqualTo("audio/mp4");
        assertThat(rendition(ready, "aac").get("duration").asDouble()).isBetween(1.9, 2.2);
    }

    @Test
    void fileThatLiesAboutItsTypeIsRefusedAndNothingIsStored() throws IOException {
        long before = storedBlobs();
        TestNode.Answer photoAsVideo = node.send("POST", "/v1/media", editor, "video/mp4", Clips.read(clips.photo));
        assertThat(photoAsVideo.status()).isEqualTo(422);
        assertThat(photoAsVideo.json().get("detail").asString()).contains("image/jpeg").contains("video/mp4");
        TestNode.Answer textAsVideo = node.send("POST", "/v1/media", editor, "video/mp4", "just some words".getBytes());
        assertThat(textAsVideo.status()).isEqualTo(422);
        assertThat(textAsVideo.json().get("detail").asString()).contains("video, audio and photo");
        assertThat(node.send("POST", "/v1/media", editor, null, Clips.read(clips.photo)).status()).isEqualTo(422);
        assertThat(storedBlobs()).isEqualTo(before);
    }

    @Test
    void fileOverTheLimitIsRefusedWhetherItsLengthIsDeclaredOrNot() throws Exception {
        long before = storedBlobs();
        byte[] big = Arrays.copyOf(Clips.read(clips.photo), (int) LIMIT + 1);
        TestNode.Answer declared = node.send("POST", "/v1/media", editor, "image/jpeg", big);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.contentType()).startsWith("application/problem+json");
        // Chunked: the limit is found while streaming, and what was written aside is removed.
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.base + "/v1/media"))
                .header("Authorization", "Bearer " + editor).header("Content-Type", "image/jpeg")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(storedBlobs()).isEqualTo(before);
        // What was written aside is removed (renditions of other tests' files pass through here too, briefly).
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (Stream<Path> incoming = Files.list(dataDir.resolve("media/incoming"))) {
                return incoming.findAny().isEmpty();
            }
        });
    }

    @Test
    void corruptVideoFailsWithTheReasonFfmpegGives() {
        byte[] truncated = Arrays.copyOf(Clips.read(clips.video), 2_000); // an MP4 header and no media data
        JsonNode failed = awaitState(uploaded(truncated, "video/mp4"), "failed");
        assertThat(failed.get("reason").asString()).containsIgnoringCase("ffprobe cannot read the uploaded file");
        assertThat(failed.get("renditions")).isEmpty();
    }

    @Test
    void partnersAndOtherOrgsNeverSeeAnEditorsMedia() {
        String id = uploaded(clips.photo, "image/jpeg");
        assertThat(node.get("/v1/media/" + id, partner).status()).isEqualTo(404);
        String stranger = node.key(node.org("stranger", "FR"), "editor");
        assertThat(node.get("/v1/media/" + id, stranger).status()).isEqualTo(404);
        assertThat(node.get("/v1/media/" + id, TestNode.ADMIN).status()).isEqualTo(404);
        assertThat(node.send("POST", "/v1/media", partner, "image/jpeg", Clips.read(clips.photo)).status()).isEqualTo(403);
    }

    @Test
    void transcodeThatTakesTooLongFailsSayingSo(@TempDir Path dir) throws Exception {
        try (TestNode hurried = new TestNode(TestDatabase.settingsFor(dir, TestNode.ADMIN)
                .withMedia(MediaSettings.defaults().withTimeout(Duration.ofMillis(1))), Clock.systemUTC())) {
            hurried.org("agency", "IT");
            String key = hurried.key("agency", "editor");
            TestNode.Answer created = hurried.send("POST", "/v1/media", key, "video/mp4", Clips.read(clips.video));
            assertThat(created.status()).isEqualTo(201);
            String id = created.json().get("id").asString();
            await().atMost(Duration.ofSeconds(30)).until(() -> !hurried.get("/v1/media/" + id, key).json().get("state").asString().equals("processing"));
            JsonNode failed = hurried.get("/v1/media/" + id, key).json();
            assertThat(failed.get("state").asString()).isEqualTo("failed");
            assertThat(failed.get("reason").asString()).contains("took longer than PT0.001S");
        }
    }

    @Test
    void withoutFfmpegUploadsAreRefusedSayingWhatToInstall(@TempDir Path dir) throws Exception {
        try (TestNode bare = new TestNode(TestDatabase.settingsFor(dir, TestNode.ADMIN)
                .withMedia(MediaSettings.defaults().withPrograms(dir.resolve("no-ffmpeg-here").toString(), "ffprobe")), Clock.systemUTC())) {
            bare.org("agency", "IT");
            TestNode.Answer refused = bare.send("POST", "/v1/media", bare.key("agency", "editor"), "image/jpeg", Clips.read(clips.photo));
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.json().get("detail").asString()).contains("was not found").contains("apt-get install ffmpeg");
        }
    }

    @Test
    void editorAttachesWebVttSubtitlesPerLanguage() {
        String id = uploaded(clips.video, "video/mp4");
        byte[] chinese = "WEBVTT\n\n00:00.000 --> 00:02.000\n米兰-科尔蒂纳2026\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        TestNode.Answer put = node.send("PUT", "/v1/media/" + id + "/subtitles/zh-Hans", editor, "text/vtt", chinese);
        assertThat(put.status()).as(put.raw().body()).isEqualTo(200);
        JsonNode ready = awaitState(id, "ready");
        assertThat(names(ready)).contains("subtitles-zh-Hans", "1080p", "proxy");
        assertThat(rendition(ready, "subtitles-zh-Hans").get("contentType").asString()).isEqualTo("text/vtt");
        assertThat(rendition(ready, "subtitles-zh-Hans").get("sha256").asString()).isEqualTo(sha256(chinese));
        byte[] download = node.bytes("/v1/media/" + id + "/renditions/subtitles-zh-Hans", editor).body();
        assertThat(download).isEqualTo(chinese);

        assertThat(node.send("PUT", "/v1/media/" + id + "/subtitles/zh-Hans", editor, "text/vtt", "1\n00:00:00,000 --> 00:00:02,000\nSRT\n".getBytes())
                .status()).as("SubRip is not WebVTT").isEqualTo(422);
        assertThat(node.send("PUT", "/v1/media/" + id + "/subtitles/not_a_tag", editor, "text/vtt", chinese).status()).isEqualTo(422);
        assertThat(node.send("PUT", "/v1/media/" + id + "/subtitles/it", partner, "text/vtt", chinese).status()).isEqualTo(404);
        String photo = uploaded(clips.photo, "image/jpeg");
        assertThat(node.send("PUT", "/v1/media/" + photo + "/subtitles/it", editor, "text/vtt", chinese).status()).isEqualTo(422);
    }

    // --- helpers ---

    private static String uploaded(Path file, String type) {
        return uploaded(Clips.read(file), type);
    }

    private static String uploaded(byte[] bytes, String type) {
        TestNode.Answer created = node.send("POST", "/v1/media", editor, type, bytes);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    static JsonNode awaitState(String id, String state) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> !node.get("/v1/media/" + id, editor).json().get("state").asString().equals("processing"));
        JsonNode media = node.get("/v1/media/" + id, editor).json();
        assertThat(media.get("state").asString()).as(media.toString()).isEqualTo(state);
        return media;
    }

    static List<String> names(JsonNode media) {
        return media.get("renditions").valueStream().map(r -> r.get("name").asString()).toList();
    }

    static JsonNode rendition(JsonNode media, String name) {
        return media.get("renditions").valueStream().filter(r -> r.get("name").asString().equals(name)).findFirst().orElseThrow();
    }

    private static long storedBlobs() throws IOException {
        try (Stream<Path> all = Files.walk(dataDir.resolve("media/blobs"))) {
            return all.filter(Files::isRegularFile).count();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(InputStream in) throws Exception {
        return sha256(in.readAllBytes());
    }
}

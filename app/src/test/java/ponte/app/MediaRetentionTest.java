package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.core.fixtures.MovableClock;
import ponte.core.media.MediaRetention;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Media of killed items are deleted once the retention (30 days by default) has passed since the kill of every item
 * carrying them: the bytes leave the store, the file answers "deleted" to its editors and 404 to every download. A
 * blob another live file shares (the same bytes uploaded again) stays. The node's own clock, moved by hand; the
 * embedded store on disk.
 */
class MediaRetentionTest {
    @TempDir
    static Path dataDir;
    @TempDir
    static Path clipsDir;
    static final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T08:00:00Z"));
    static Clips clips;
    static TestNode node;
    static String editor;
    static String partner;

    @BeforeAll
    static void start() throws Exception {
        clips = new Clips(clipsDir);
        node = new TestNode(dataDir, clock);
        TestNode.Licensed keys = node.newsLicence("KR");
        editor = keys.editor();
        partner = keys.partner();
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    @Test
    void mediaOfAnItemKilledLongerAgoThanTheRetentionAreDeletedFromTheStoreAndAnswerDeleted() {
        String photo = readyMedia(clips.photo);
        String item = published("Ritirata", photo);
        JsonNode before = node.get("/v1/media/" + photo, editor).json();
        kill(item);

        clock.advance(MediaRetention.DEFAULT.minusHours(1));
        node.handle().sweepKilledMedia();
        assertThat(node.get("/v1/media/" + photo, editor).json().get("state").asString()).as("within the retention").isEqualTo("ready");
        assertThat(node.bytes("/v1/media/" + photo + "/renditions/small", editor).statusCode()).as("the owner keeps it meanwhile").isEqualTo(200);

        clock.advance(Duration.ofHours(2));
        assertThat(node.handle().sweepKilledMedia().files()).isGreaterThanOrEqualTo(1);
        JsonNode after = node.get("/v1/media/" + photo, editor).json();
        assertThat(after.get("state").asString()).isEqualTo("deleted");
        assertThat(after.get("reason").asString()).contains("killed");
        assertThat(Instant.parse(after.get("deletedAt").asString())).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(after.get("renditions").size()).isZero();
        assertThat(blobs(before)).isNotEmpty().allSatisfy(blob -> assertThat(blob).as("gone from disk").doesNotExist());
        assertThat(node.bytes("/v1/media/" + photo + "/renditions/small", editor).statusCode()).isEqualTo(404);
        assertThat(node.bytes("/v1/media/" + photo + "/renditions/small", partner).statusCode()).isEqualTo(404);

        ObjectNode again = (ObjectNode) ItemMediaTest.NinjsBodies.of("Di nuovo", "news");
        again.putArray("media").add(photo);
        TestNode.Answer refused = node.post("/v1/items", editor, again.toString());
        assertThat(refused.status()).as("a deleted file cannot be attached").isEqualTo(422);
        assertThat(refused.json().get("detail").asString()).contains("deleted");
    }

    @Test
    void bytesAnotherLiveFileSharesStayAndItsPartnerStillDownloadsThem() {
        String killedCopy = readyMedia(clips.audio);
        String liveCopy = readyMedia(clips.audio); // the same bytes: the same blob in the store
        kill(published("Audio ritirato", killedCopy));
        published("Audio in onda", liveCopy);
        JsonNode live = node.get("/v1/media/" + liveCopy, editor).json();

        clock.advance(MediaRetention.DEFAULT.plusDays(1));
        node.handle().sweepKilledMedia();

        assertThat(node.get("/v1/media/" + killedCopy, editor).json().get("state").asString()).isEqualTo("deleted");
        assertThat(node.get("/v1/media/" + liveCopy, editor).json().get("state").asString()).isEqualTo("ready");
        assertThat(blobs(live)).allSatisfy(blob -> assertThat(blob).as("still named by the live file").exists());
        for (JsonNode r : live.get("renditions")) {
            var got = node.bytes("/v1/media/" + liveCopy + "/renditions/" + r.get("name").asString(), partner);
            assertThat(got.statusCode()).isEqualTo(200);
            assertThat(MediaTest.sha256(got.body())).isEqualTo(r.get("sha256").asString());
        }
    }

    @Test
    void aFileStillCarriedByAnItemNotKilledIsKept() {
        String video = readyMedia(clips.video);
        kill(published("Prima versione", video));
        published("Seconda storia", video);

        clock.advance(MediaRetention.DEFAULT.plusDays(1));
        node.handle().sweepKilledMedia();

        assertThat(node.get("/v1/media/" + video, editor).json().get("state").asString()).isEqualTo("ready");
        assertThat(node.bytes("/v1/media/" + video + "/renditions/proxy", partner).statusCode()).isEqualTo(200);
    }

    // --- helpers ---

    /** Where the embedded store keeps the file's original and each rendition. */
    private static java.util.List<Path> blobs(JsonNode media) {
        java.util.List<Path> out = new java.util.ArrayList<>();
        out.add(blob(media.get("sha256").asString()));
        media.get("renditions").forEach(r -> out.add(blob(r.get("sha256").asString())));
        return out;
    }

    private static Path blob(String sha256) {
        return dataDir.resolve("media").resolve("blobs").resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private static void kill(String item) {
        assertThat(node.delete("/v1/items/" + item, editor, "{\"reason\":\"rights withdrawn\"}").status()).isEqualTo(200);
    }

    private static String readyMedia(Path file) {
        String type = file.toString().endsWith(".jpg") ? "image/jpeg" : file.toString().endsWith(".mp3") ? "audio/mpeg" : "video/mp4";
        TestNode.Answer created = node.send("POST", "/v1/media", editor, type, Clips.read(file));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> node.get("/v1/media/" + id, editor).json().get("state").asString().equals("ready"));
        assertThat(Files.exists(blob(created.json().get("sha256").asString()))).isTrue();
        return id;
    }

    private static String published(String headline, String media) {
        ObjectNode body = (ObjectNode) ItemMediaTest.NinjsBodies.of(headline, "news");
        body.putArray("media").add(media);
        TestNode.Answer a = node.post("/v1/items", editor, body.toString());
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
        return a.json().get("id").asString();
    }
}

package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ponte.core.fixtures.MovableClock;
import ponte.core.media.MediaRetention;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Media's way from upload to partner on each store a node may keep blobs in: the data directory, and a real S3 API
 * (S3Proxy in a child JVM, {@link S3Server}; no mock). Upload, renditions, the entitled partner's downloads by signed
 * link and by key (the same bytes, readable by ffprobe), 404 to a partner without the item, a kill closing every
 * link within a second, and the retention deleting the bytes from the store once the node's clock has passed it.
 */
class MediaStoresTest {
    private static final String BUCKET = "ponte-media";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"data directory", "S3"})
    void anEntitledPartnerDownloadsEveryRenditionAKillClosesThemAndTheRetentionDeletesThem(String store) throws Exception {
        MovableClock clock = new MovableClock(Instant.now());
        Clips clips = new Clips(Files.createDirectories(dir.resolve("clips")));
        MediaSettings media = MediaSettings.defaults();
        S3Server s3 = null;
        if (store.equals("S3")) {
            s3 = new S3Server(Files.createDirectories(dir.resolve("s3")), BUCKET);
            media = media.withUrl("s3://" + BUCKET + "/node");
        }
        try (S3Server closing = s3; TestNode node = new TestNode(TestDatabase.settingsFor(Files.createDirectories(dir.resolve("data")), TestNode.ADMIN)
                .withMedia(media), clock)) {
            TestNode.Licensed keys = node.newsLicence("KR");
            String stranger = node.key(node.org("stranger", "FR"), "partner");
            TestNode.Answer uploaded = node.send("POST", "/v1/media", keys.editor(), "video/mp4", Clips.read(clips.video));
            assertThat(uploaded.status()).as(uploaded.raw().body()).isEqualTo(201);
            String id = uploaded.json().get("id").asString();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> node.get("/v1/media/" + id, keys.editor()).json().get("state").asString().equals("ready"));
            JsonNode file = node.get("/v1/media/" + id, keys.editor()).json();
            ObjectNode body = (ObjectNode) ItemMediaTest.NinjsBodies.of("Discesa libera, le immagini", "news");
            body.putArray("media").add(id);
            String item = node.post("/v1/items", keys.editor(), body.toString()).json().get("id").asString();

            JsonNode renditions = node.get("/v1/items/" + item, keys.partner()).json().get("renditions");
            assertThat(renditions).hasSize(5);
            for (JsonNode r : renditions) {
                String name = r.get("name").asString();
                String sha256 = MediaTest.rendition(file, name).get("sha256").asString();
                HttpResponse<byte[]> signed = node.bytes(r.get("href").asString().substring(node.base.length()), null);
                HttpResponse<byte[]> keyed = node.bytes("/v1/media/" + id + "/renditions/" + name, keys.partner());
                assertThat(signed.statusCode()).as(name).isEqualTo(200);
                assertThat(keyed.statusCode()).as(name).isEqualTo(200);
                assertThat(MediaTest.sha256(signed.body())).as(name).isEqualTo(sha256);
                assertThat(MediaTest.sha256(keyed.body())).as(name).isEqualTo(sha256);
                if (r.get("contentType").asString().equals("video/mp4")) {
                    Path copy = Files.write(dir.resolve(name + ".mp4"), signed.body());
                    assertThat(Clips.probe(copy)).isEqualTo("h264," + r.get("width").asInt() + "," + r.get("height").asInt());
                }
                assertThat(node.bytes("/v1/media/" + id + "/renditions/" + name, stranger).statusCode()).as(name).isEqualTo(404);
            }
            assertThat(node.get("/v1/items/" + item, stranger).status()).isEqualTo(404);
            if (s3 != null) {
                java.util.Set<String> blobs = new java.util.HashSet<>(java.util.List.of(file.get("sha256").asString()));
                file.get("renditions").forEach(r -> blobs.add(r.get("sha256").asString()));
                assertThat(s3.objects(BUCKET, "node/")).as("the original and every rendition, in the bucket").isEqualTo(blobs.size());
                assertThat(dir.resolve("data").resolve("media").resolve("blobs")).as("nothing kept on disk").doesNotExist();
            }

            assertThat(node.delete("/v1/items/" + item, keys.editor(), "{\"reason\":\"rights withdrawn\"}").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(1)).until(() -> renditions.valueStream()
                    .allMatch(r -> node.bytes(r.get("href").asString().substring(node.base.length()), null).statusCode() == 404));
            assertThat(node.bytes("/v1/media/" + id + "/renditions/proxy", keys.partner()).statusCode()).isEqualTo(404);

            clock.advance(MediaRetention.DEFAULT.plusHours(1));
            assertThat(node.handle().sweepKilledMedia().files()).isEqualTo(1);
            assertThat(node.get("/v1/media/" + id, keys.editor()).json().get("state").asString()).isEqualTo("deleted");
            if (s3 != null) {
                assertThat(s3.objects(BUCKET, "node/")).as("every object deleted").isZero();
            } else {
                try (var left = Files.find(dir.resolve("data").resolve("media").resolve("blobs"), 4, (p, a) -> a.isRegularFile())) {
                    assertThat(left).as("every blob deleted").isEmpty();
                }
            }
        }
    }
}

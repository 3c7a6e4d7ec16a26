package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Items that carry media: renditions in every format, downloads gated like the item, ranged and conditional reads. */
class ItemMediaTest {
    @TempDir
    static Path dataDir;
    @TempDir
    static Path clipsDir;
    static Clips clips;
    static TestNode node;
    static String editor;
    static String partner;
    static String stranger;
    static String video;

    @BeforeAll
    static void start() throws Exception {
        clips = new Clips(clipsDir);
        node = new TestNode(dataDir, Clock.systemUTC(), ponte.delivery.DeliverySettings.defaults().allowingPrivate(true));
        TestNode.Licensed keys = node.newsLicence("KR");
        editor = keys.editor();
        partner = keys.partner();
        stranger = node.key(node.org("stranger", "FR"), "partner");
        video = readyMedia(clips.video, "video/mp4");
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    @Test
    void partnerReceivesTheItemWithEveryRenditionAndDownloadsEachByItsHref() throws Exception {
        String item = published("Discesa libera", video);
        JsonNode renditions = fedItem("Discesa libera").get("renditions");
        assertThat(node.get("/v1/items/" + item, partner).json().get("renditions")).isEqualTo(renditions);
        assertThat(new ponte.formats.NinjsSchema().validate(fedItem("Discesa libera"), "")).as("schema-valid ninjs 3.1").isEmpty();
        assertThat(renditions.valueStream().map(r -> r.get("name").asString())).containsExactlyInAnyOrder("1080p", "720p", "proxy", "poster", "thumbnails");
        JsonNode media = node.get("/v1/media/" + video, editor).json();
        for (JsonNode r : renditions) {
            String href = r.get("href").asString();
            assertThat(href).startsWith(node.base + "/v1/media/" + video + "/renditions/").contains("?org=partner&expires=").contains("&sig=");
            HttpResponse<byte[]> got = node.bytes(href.substring(node.base.length()), null); // a signed link needs no key
            assertThat(got.statusCode()).as(href).isEqualTo(200);
            assertThat(got.headers().firstValue("content-type").orElse("")).isEqualTo(r.get("contentType").asString());
            assertThat(got.body()).hasSize(r.get("sizeInBytes").asInt());
            assertThat(MediaTest.sha256(got.body())).isEqualTo(MediaTest.rendition(media, r.get("name").asString()).get("sha256").asString());
            if (r.get("contentType").asString().equals("video/mp4")) {
                Path copy = Files.write(clipsDir.resolve("got-" + r.get("name").asString() + ".mp4"), got.body());
                assertThat(Clips.probe(copy)).isEqualTo("h264," + r.get("width").asInt() + "," + r.get("height").asInt());
            }
        }
    }

    @Test
    void everyCompletedDownloadOfAPartnerIsAReachFactAndTheOwnersAreNot() {
        String clip = readyMedia(clips.photo, "image/jpeg");
        String item = published("Podio", clip);
        assertThat(node.bytes("/v1/media/" + clip + "/renditions/small", partner).statusCode()).isEqualTo(200);
        assertThat(node.bytes("/v1/media/" + clip + "/renditions/large", partner, "Range", "bytes=0-9").statusCode()).isEqualTo(206);
        assertThat(node.bytes("/v1/media/" + clip + "/renditions/small", editor).statusCode()).isEqualTo(200);
        assertThat(node.bytes("/v1/media/" + clip + "/renditions/small", stranger).statusCode()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(10)).until(() -> node.handle().mediaDownloads(new ponte.core.items.ItemId(item)) == 2);
    }

    @Test
    void renditionsAppearInNewsmlG2AndAtom() {
        String item = published("Slalom", video);
        String g2 = node.get("/v1/items/" + item, partner, "application/vnd.iptc.g2.newsitem+xml").raw().body();
        assertThat(g2).contains("remoteContent").contains("/v1/media/" + video + "/renditions/proxy");
        String atom = node.get("/v1/items/" + item, partner, "application/atom+xml").raw().body();
        assertThat(atom).contains("enclosure").contains("/v1/media/" + video + "/renditions/1080p");
    }

    @Test
    void partnerWithoutTheItemGetsNotFoundForItsMediaAsForTheItem() {
        String item = published("Supergigante", video);
        assertThat(node.get("/v1/items/" + item, stranger).status()).isEqualTo(404);
        HttpResponse<byte[]> refused = node.bytes("/v1/media/" + video + "/renditions/proxy", stranger);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(new String(refused.body())).contains("no such media");
        assertThat(node.bytes("/v1/media/" + video + "/renditions/proxy", TestNode.ADMIN).statusCode()).isEqualTo(404);
    }

    @Test
    void killClosesTheMediaAtOnceSignedLinksToo() {
        String clip = readyMedia(clips.photo, "image/jpeg");
        String item = published("Da ritirare", clip);
        String signed = signedHref(item, "small");
        assertThat(node.bytes("/v1/media/" + clip + "/renditions/small", partner).statusCode()).isEqualTo(200);
        assertThat(node.bytes(signed, null).statusCode()).isEqualTo(200);
        assertThat(node.delete("/v1/items/" + item, editor, "{\"reason\":\"rights withdrawn\"}").status()).isEqualTo(200);
        assertThat(node.bytes("/v1/media/" + clip + "/renditions/small", partner).statusCode()).isEqualTo(404);
        assertThat(node.bytes(signed, null).statusCode()).isEqualTo(404);
        assertThat(node.bytes("/v1/media/" + clip + "/renditions/small", editor).statusCode()).as("the owner keeps its file").isEqualTo(200);
    }

    @Test
    void rangedAndConditionalReads() {
        published("Gigante", video);
        String path = "/v1/media/" + video + "/renditions/proxy";
        HttpResponse<byte[]> whole = node.bytes(path, partner);
        String etag = whole.headers().firstValue("etag").orElseThrow();
        assertThat(whole.headers().firstValue("accept-ranges")).contains("bytes");

        HttpResponse<byte[]> first = node.bytes(path, partner, "Range", "bytes=0-99");
        assertThat(first.statusCode()).isEqualTo(206);
        assertThat(first.headers().firstValue("content-range")).contains("bytes 0-99/" + whole.body().length);
        assertThat(first.body()).isEqualTo(Arrays.copyOf(whole.body(), 100));

        HttpResponse<byte[]> tail = node.bytes(path, partner, "Range", "bytes=-10");
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(whole.body(), whole.body().length - 10, whole.body().length));

        HttpResponse<byte[]> rest = node.bytes(path, partner, "Range", "bytes=100-", "If-Range", etag);
        assertThat(rest.statusCode()).isEqualTo(206);
        assertThat(rest.body()).isEqualTo(Arrays.copyOfRange(whole.body(), 100, whole.body().length));

        HttpResponse<byte[]> changed = node.bytes(path, partner, "Range", "bytes=100-", "If-Range", "\"another\"");
        assertThat(changed.statusCode()).as("If-Range names another version: the whole file").isEqualTo(200);
        assertThat(changed.body()).isEqualTo(whole.body());

        assertThat(node.bytes(path, partner, "If-None-Match", etag).statusCode()).isEqualTo(304);
        HttpResponse<byte[]> beyond = node.bytes(path, partner, "Range", "bytes=" + whole.body().length + "-");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("content-range")).contains("bytes */" + whole.body().length);
    }

    @Test
    void onlyReadyMediaOfTheEditorsOwnOrgMayBeAttached() {
        ObjectNode body = (ObjectNode) NinjsBodies.of("Altro", "news");
        body.putArray("media").add("0000000000000000");
        TestNode.Answer missing = node.post("/v1/items", editor, body.toString());
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/media/0");

        byte[] truncated = Arrays.copyOf(Clips.read(clips.video), 2_000);
        String failed = node.send("POST", "/v1/media", editor, "video/mp4", truncated).json().get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> node.get("/v1/media/" + failed, editor).json().get("state").asString().equals("failed"));
        body.putArray("media").add(failed);
        TestNode.Answer refused = node.post("/v1/items", editor, body.toString());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asString()).contains("failed");
    }

    @Test
    void anItemNamingMediaStillProcessingIsHeldFromPartnersUntilTheyAreReady() {
        // Long enough that its renditions take seconds: the publish below comes while it is processing.
        Path longer = Clips.make(clipsDir.resolve("longer.mp4"), "-f", "lavfi", "-i", "testsrc=size=1280x720:rate=25:duration=8",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
        TestNode.Answer uploaded = node.send("POST", "/v1/media", editor, "video/mp4", Clips.read(longer));
        assertThat(uploaded.status()).as(uploaded.raw().body()).isEqualTo(201);
        String id = uploaded.json().get("id").asString();
        ObjectNode body = (ObjectNode) NinjsBodies.of("In attesa del video", "news");
        body.putArray("media").add(id);

        TestNode.Answer held = node.post("/v1/items", editor, body.toString());
        assertThat(held.status()).as(held.raw().body()).isEqualTo(202);
        assertThat(held.json().get("state").asString()).isEqualTo("waiting");
        assertThat(held.json().get("waitingFor").valueStream().map(JsonNode::asString)).containsExactly(id);
        assertThat(headlinesFed()).doesNotContain("In attesa del video");
        assertThat(node.get("/v1/media/" + id, editor).json().get("state").asString()).as("still processing when the feed was read").isEqualTo("processing");

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> headlinesFed().contains("In attesa del video"));
        JsonNode renditions = fedItem("In attesa del video").get("renditions");
        assertThat(renditions.valueStream().map(r -> r.get("name").asString())).containsExactlyInAnyOrder("1080p", "720p", "proxy", "poster", "thumbnails");
        for (JsonNode r : renditions) {
            String href = r.get("href").asString();
            assertThat(href).startsWith(node.base + "/v1/media/" + id + "/renditions/");
            HttpResponse<byte[]> got = node.bytes(href.substring(node.base.length()), null);
            assertThat(got.statusCode()).as(href).isEqualTo(200);
            assertThat(got.body()).hasSize(r.get("sizeInBytes").asInt());
        }
        assertThat(headlinesFed().stream().filter("In attesa del video"::equals)).as("released once, as version 1").hasSize(1);
    }

    @Test
    void anItemNamingAFileThatFailsStaysHeldFromEveryPartnerAndItsEditorReadsWhy() throws Exception {
        try (Receiver receiver = new Receiver()) {
            node.endpoint(partner, receiver.url("/stuck"), "ninjs", null);
            // The one worker is busy with a longer clip while the corrupt file waits its turn: the publish finds it processing.
            Path longer = Clips.make(clipsDir.resolve("longer.mp4"), "-f", "lavfi", "-i", "testsrc=size=1280x720:rate=25:duration=8",
                    "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
            assertThat(node.send("POST", "/v1/media", editor, "video/mp4", Clips.read(longer)).status()).isEqualTo(201);
            byte[] corrupt = Arrays.copyOf(Clips.read(clips.video), 2_000); // an MP4's start: sniffed as video, unreadable to ffmpeg
            String broken = node.send("POST", "/v1/media", editor, "video/mp4", corrupt).json().get("id").asString();
            ObjectNode body = (ObjectNode) NinjsBodies.of("Frana sulla statale, il video", "news");
            body.putArray("media").add(broken);
            TestNode.Answer held = node.post("/v1/items", editor, body.toString());
            assertThat(held.status()).as(held.raw().body()).isEqualTo(202);

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() ->
                    node.get("/v1/media/" + broken, editor).json().get("heldItems").toString().contains("\"state\":\"stuck\""));
            JsonNode media = node.get("/v1/media/" + broken, editor).json();
            assertThat(media.get("state").asString()).isEqualTo("failed");
            JsonNode stuck = media.get("heldItems").get(0);
            assertThat(stuck.get("id").asString()).isEqualTo(held.json().get("id").asString());
            assertThat(stuck.get("headline").asString()).isEqualTo("Frana sulla statale, il video");
            assertThat(stuck.get("waitingFor").valueStream().map(JsonNode::asString)).containsExactly(broken);
            assertThat(stuck.get("reason").asString()).contains(broken).contains("failed").contains(media.get("reason").asString());
            assertThat(node.get("/v1/media/" + broken, partner).status()).as("another org's file does not exist for it").isEqualTo(404);

            // Whatever came after it reaches the partner; the stuck item never does, on any path.
            String later = node.publish(editor, TestNode.ninjs("it", "Frana, la strada riapre"), "news").get("id").asString();
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.hits("/stuck").stream().anyMatch(h -> h.body().contains("la strada riapre")));
            assertThat(receiver.hits("/stuck")).noneMatch(h -> h.body().contains("sulla statale"));
            assertThat(headlinesFed()).contains("Frana, la strada riapre").doesNotContain("Frana sulla statale, il video");
            await().atMost(Duration.ofSeconds(30)).until(() -> SearchTest.ids(node.get("/v1/search?q=frana", partner).json()).contains(later));
            assertThat(SearchTest.ids(node.get("/v1/search?q=frana", partner).json())).containsExactly(later);
        }
    }

    @Test
    void aPartnersRenditionProfileNarrowsWhatItReceives() {
        String viewer = node.org("viewer", "JP");
        node.licence(editor, "viewer", "news");
        String viewerAdmin = node.key("viewer", "admin");
        String viewerKey = node.key("viewer", "partner");
        TestNode.Answer chosen = node.put("/v1/orgs/viewer/rendition-profile", viewerAdmin, "{\"renditions\":[\"proxy\",\"poster\"],\"subtitles\":[\"zh-Hans\"]}");
        assertThat(chosen.status()).as(chosen.raw().body()).isEqualTo(200);
        assertThat(node.get("/v1/orgs/viewer/rendition-profile", viewerAdmin).json().get("renditions").toString()).isEqualTo("[\"poster\",\"proxy\"]");
        assertThat(node.put("/v1/orgs/viewer/rendition-profile", viewerKey, "{\"renditions\":[]}").status()).isEqualTo(403);
        TestNode.Answer unknown = node.put("/v1/orgs/viewer/rendition-profile", viewerAdmin, "{\"renditions\":[\"4k\"]}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/renditions/0");

        String clip = readyMedia(clips.video, "video/mp4");
        byte[] zh = "WEBVTT\n\n00:00.000 --> 00:01.000\n你好\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] it = "WEBVTT\n\n00:00.000 --> 00:01.000\nCiao\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(node.send("PUT", "/v1/media/" + clip + "/subtitles/zh-Hans", editor, "text/vtt", zh).status()).isEqualTo(200);
        assertThat(node.send("PUT", "/v1/media/" + clip + "/subtitles/it", editor, "text/vtt", it).status()).isEqualTo(200);
        String item = published("Profilo", clip);

        JsonNode forViewer = node.get("/v1/items/" + item, viewerKey).json();
        assertThat(forViewer.get("renditions").valueStream().map(r -> r.get("name").asString()))
                .containsExactlyInAnyOrder("proxy", "poster", "subtitles-zh-Hans");
        JsonNode fed = node.get("/v1/feed?limit=100", viewerKey).json().get("entries").valueStream().map(e -> e.get("item"))
                .filter(i -> i.get("headlines").get(0).get("value").asString().equals("Profilo")).findFirst().orElseThrow();
        assertThat(fed.get("renditions")).isEqualTo(forViewer.get("renditions"));
        assertThat(node.get("/v1/items/" + item, partner).json().get("renditions").size()).as("a partner without a profile gets all").isEqualTo(7);
        assertThat(node.get("/v1/items/" + item, editor).json().get("renditions").size()).as("the owner sees all").isEqualTo(7);
    }

    @Test
    void aWebhookReceiverFetchesTheRenditionsByTheirSignedLinksAlone() throws Exception {
        try (Receiver receiver = new Receiver()) {
            node.endpoint(partner, receiver.url("/hook"), "ninjs", null);
            String clip = readyMedia(clips.photo, "image/jpeg");
            published("Spinta", clip);
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.hits("/hook").stream()
                    .anyMatch(h -> h.json().path("data").path("item").path("renditions").size() > 0));
            JsonNode pushed = receiver.hits("/hook").stream().map(h -> h.json().path("data").path("item"))
                    .filter(i -> i.path("renditions").size() > 0).findFirst().orElseThrow();
            for (JsonNode r : pushed.get("renditions")) {
                HttpResponse<byte[]> got = node.bytes(r.get("href").asString().substring(node.base.length()), null);
                assertThat(got.statusCode()).isEqualTo(200);
                assertThat(got.body()).hasSize(r.get("sizeInBytes").asInt());
            }
        }
    }

    @Test
    void aSignedLinkAlteredInAnyPartIsRefused() {
        String clip = readyMedia(clips.photo, "image/jpeg");
        String item = published("Firmato", clip);
        String signed = signedHref(item, "medium");
        assertThat(node.bytes(signed, null).statusCode()).isEqualTo(200);
        String sig = signed.substring(signed.indexOf("&sig=") + 5);
        String flipped = (sig.charAt(0) == 'A' ? "B" : "A") + sig.substring(1);
        assertThat(node.bytes(signed.replace("&sig=" + sig, "&sig=" + flipped), null).statusCode()).as("another signature").isEqualTo(404);
        assertThat(node.bytes(signed.replace("org=partner", "org=stranger"), null).statusCode()).as("another org").isEqualTo(404);
        assertThat(node.bytes(signed.replace("/renditions/medium", "/renditions/large"), null).statusCode()).as("another rendition").isEqualTo(404);
        String expires = signed.replaceAll(".*expires=(\\d+).*", "$1");
        assertThat(node.bytes(signed.replace("expires=" + expires, "expires=" + (Long.parseLong(expires) + 3600)), null).statusCode())
                .as("a later expiry").isEqualTo(404);
        assertThat(node.bytes(signed.substring(0, signed.indexOf('?')), null).statusCode()).as("no signature, no key").isEqualTo(401);
    }

    @Test
    void aSignedLinkStopsWorkingWhenItExpires(@TempDir Path dir) throws Exception {
        try (TestNode brief = new TestNode(TestDatabase.settingsFor(dir, TestNode.ADMIN)
                .withMedia(MediaSettings.defaults().withLinkLifetime(Duration.ofSeconds(1))), Clock.systemUTC())) {
            TestNode.Licensed keys = brief.newsLicence("KR");
            String id = brief.send("POST", "/v1/media", keys.editor(), "image/jpeg", Clips.read(clips.photo)).json().get("id").asString();
            await().atMost(Duration.ofSeconds(60)).until(() -> brief.get("/v1/media/" + id, keys.editor()).json().get("state").asString().equals("ready"));
            ObjectNode body = (ObjectNode) NinjsBodies.of("Breve", "news");
            body.putArray("media").add(id);
            String item = brief.post("/v1/items", keys.editor(), body.toString()).json().get("id").asString();
            String href = brief.get("/v1/items/" + item, keys.partner()).json().get("renditions").get(0).get("href").asString();
            String signed = href.substring(brief.base.length());
            long expires = Long.parseLong(signed.replaceAll(".*expires=(\\d+).*", "$1"));
            assertThat(expires - java.time.Instant.now().getEpochSecond()).as("between one and two lifetimes").isBetween(0L, 2L);
            await().atMost(Duration.ofSeconds(10)).until(() -> brief.bytes(signed, null).statusCode() == 404);
            assertThat(java.time.Instant.now().getEpochSecond()).isGreaterThanOrEqualTo(expires);
        }
    }

    // --- helpers ---

    /** The signed link the partner received for a rendition of the item, as a path on the node. */
    static String signedHref(String item, String rendition) {
        return node.get("/v1/items/" + item, partner).json().get("renditions").valueStream()
                .filter(r -> r.get("name").asString().equals(rendition)).findFirst().orElseThrow().get("href").asString().substring(node.base.length());
    }

    static String readyMedia(Path file, String type) {
        TestNode.Answer created = node.send("POST", "/v1/media", editor, type, Clips.read(file));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> node.get("/v1/media/" + id, editor).json().get("state").asString().equals("ready"));
        return id;
    }

    static String published(String headline, String media) {
        ObjectNode body = (ObjectNode) NinjsBodies.of(headline, "news");
        body.putArray("media").add(media);
        TestNode.Answer a = node.post("/v1/items", editor, body.toString());
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
        return a.json().get("id").asString();
    }

    /** The headlines of every entry of the partner's feed. */
    static java.util.List<String> headlinesFed() {
        return node.get("/v1/feed?limit=500", partner).json().get("entries").valueStream()
                .map(e -> e.get("item").get("headlines").get(0).get("value").asString()).toList();
    }

    /** The item of the partner's feed with this headline. */
    static JsonNode fedItem(String headline) {
        JsonNode entries = node.get("/v1/feed?limit=100", partner).json().get("entries");
        return entries.valueStream().map(e -> e.get("item"))
                .filter(i -> i.get("headlines").get(0).get("value").asString().equals(headline)).findFirst().orElseThrow();
    }

    /** The body of POST /v1/items: an Italian text item in one product. */
    static final class NinjsBodies {
        static JsonNode of(String headline, String product) {
            return tools.jackson.databind.json.JsonMapper.builder().build().readTree(TestNode.publishBody(TestNode.ninjs("it", headline), product));
        }
    }
}

package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.core.licensing.Network;
import ponte.formats.OfficialSchema;
import tools.jackson.databind.JsonNode;

class DemoNetworkTest {
    @TempDir
    Path dataDir;

    @Test
    void loadingTheDemoTwiceDuplicatesNothing() throws Exception {
        try (TestNode node = new TestNode(dataDir)) {
            DemoNetwork.Loaded first = node.handle().loadDemoNetwork();
            long head = node.handle().head().seq();
            Network network = node.handle().network(); // the agreements' licences, in force or dormant
            DemoNetwork.Loaded second = node.handle().loadDemoNetwork();
            assertThat(first.itemsPublished()).isGreaterThan(10);
            assertThat(second.itemsPublished()).isZero();
            assertThat(node.handle().head().seq()).isEqualTo(head);
            assertThat(node.handle().network()).isEqualTo(network);
        }
    }

    @Test
    void everyDemoAccountsPasswordIsShippedHashedAndOpensItsAccount() throws Exception {
        try (TestNode node = new TestNode(dataDir)) {
            java.util.List<DemoNetwork.DemoKey> keys = node.handle().loadDemoNetwork().keys();
            ponte.web.Argon2Passwords argon2 = new ponte.web.Argon2Passwords();
            java.util.List<String> missing = keys.stream()
                    .filter(k -> DemoPasswordHashes.of(DemoNetwork.username(k)).filter(hash -> argon2.matches(k.secret(), hash)).isEmpty())
                    .map(k -> DemoNetwork.username(k) + "=" + argon2.hash(k.secret())).toList();
            assertThat(missing).as("lines to put in demo/password-hashes.properties").isEmpty();
            assertThat(keys).hasSize(45);
            DemoNetwork.DemoKey editor = keys.get(1);
            assertThat(node.handle().accounts().signIn(DemoNetwork.username(editor), editor.secret())).isPresent();
            assertThat(node.handle().accounts().signIn(DemoNetwork.username(editor), editor.secret() + "x")).isEmpty();
        }
    }

    @Test
    void demoUsageShowsTheSpecialAiredInKenyaTheUnitedStatesKoreaAndBrazilAndLoadingAgainCountsNothingTwice() throws Exception {
        try (TestNode node = new TestNode(dataDir)) {
            node.handle().loadDemoNetwork();
            node.handle().catchUpSearch(); // search follows the log within about a second; the demo loads faster than that
            String special = node.get("/v1/search?q=Milano-Cortina&lang=en", "demo-cgtn-partner").json().get("items").get(0).get("id").asString();
            JsonNode reach = node.get("/v1/reach?item=" + special, "demo-cctv-plus-editor").json();
            assertThat(reach.get("facets").get("country")).extracting(b -> b.get("value").asString()).contains("KE", "US", "KR", "BR");
            node.handle().loadDemoNetwork();
            assertThat(node.get("/v1/reach?item=" + special, "demo-cctv-plus-editor").json().get("totals")).isEqualTo(reach.get("totals"));
            JsonNode travel = node.get("/v1/reach?product=toscana-travel", "demo-toscana-promozione-editor").json();
            assertThat(travel.get("totals").get("reported").asLong()).isEqualTo(2);
            assertThat(travel.get("facets").get("outlet")).extracting(b -> b.get("name").asString()).containsExactlyInAnyOrder("Trip.com", "Ctrip");
        }
    }

    @Test
    void demoPartnersReceiveValidNinjsAndTheUnlicensedOneNothing() throws Exception {
        try (TestNode node = new TestNode(dataDir)) {
            node.handle().loadDemoNetwork();
            JsonNode cgtn = node.get("/v1/feed?limit=500", "demo-cgtn-partner").json().get("entries");
            assertThat(cgtn).isNotEmpty();
            for (JsonNode entry : cgtn) {
                assertThat(OfficialSchema.errorsIn(entry.get("item"))).isEmpty();
            }
            JsonNode italpress = node.get("/v1/feed?limit=500", "demo-cgtn-partner").json().get("entries");
            assertThat(italpress).extracting(e -> e.get("item").get("language").asString()).contains("zh-Hans");
            assertThat(node.get("/v1/feed?limit=500", "demo-kaze-broadcasting-partner").json().get("entries")).isEmpty();
        }
    }

    @Test
    void demoSearchFindsItsChineseKoreanAndItalianItemsByNativeQueries() throws Exception {
        try (TestNode node = new TestNode(dataDir)) {
            node.handle().loadDemoNetwork();
            node.handle().catchUpSearch();
            JsonNode olympics = node.get("/v1/search?q=" + enc("冬奥会"), "demo-cgtn-partner").json().get("items");
            assertThat(olympics).extracting(h -> h.get("uri").asString()).containsExactly("urn:ponte:demo:cctv-plus:milano-cortina-focus-zh");
            assertThat(olympics.get(0).get("languageVersions")).extracting(v -> v.get("language").asString()).containsExactly("en");

            // Cinecittà and CJ ENM see each other's items once CJ ENM approves their co-production agreement.
            assertThat(node.get("/v1/search?q=" + enc("공동제작"), "demo-cinecitta-partner").json().get("items")).isEmpty();
            assertThat(node.post("/v1/agreements/cinecitta-cj-enm-coproduction/approve", "demo-cj-enm-admin", "").status()).isEqualTo(200);
            // The licence's start releases the items as log entries (within a second); search follows the log. The
            // wait is for the outcome, not a latency bound: in production mode the entries travel through Kafka.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode coproduction = node.get("/v1/search?q=" + enc("공동제작"), "demo-cinecitta-partner").json().get("items");
                assertThat(coproduction).extracting(h -> h.get("uri").asString()).contains("urn:ponte:demo:cj-enm:coproduction-talks-ko");
                assertThat(coproduction.get(0).get("uri").asString()).isEqualTo("urn:ponte:demo:cj-enm:coproduction-talks-ko");
                assertThat(node.get("/v1/search?q=coproduzione", "demo-cj-enm-partner").json().get("items"))
                        .extracting(h -> h.get("uri").asString()).containsExactly("urn:ponte:demo:cinecitta:coproduction-talks-it");
            });
        }
    }

    @Test
    void demoCoproductionReleasesOneCrossOrgSetEachPartyToItsOwnTerritories() throws Exception {
        try (TestNode node = new TestNode(dataDir)) {
            node.handle().loadDemoNetwork();
            JsonNode focus = node.get("/v1/coproductions/milano-cortina-focus", "demo-italpress-editor").json();
            assertThat(focus.get("state").asString()).isEqualTo("active");
            JsonNode slate = node.get("/v1/coproductions/cinecitta-cj-enm-slate", "demo-cinecitta-editor").json();
            assertThat(slate.get("state").asString()).isEqualTo("draft");
            assertThat(slate.get("awaitingApproval").toString()).isEqualTo("[\"cj-enm\"]");
            assertThat(node.get("/v1/coproductions/milano-cortina-focus", "demo-cgtn-editor").status()).isEqualTo(404);

            JsonNode received = node.get("/v1/feed?limit=500", "demo-cgtn-partner").json().get("entries");
            JsonNode zh = null;
            for (JsonNode entry : received) {
                if (entry.get("item").get("uri").asString().equals("urn:ponte:demo:cctv-plus:milano-cortina-focus-zh")) {
                    zh = entry.get("item");
                }
            }
            assertThat(zh).as("CGTN receives the co-produced Chinese version through CCTV+").isNotNull();
            assertThat(zh.get("copyrightHolder").asString()).isEqualTo("Italpress / CCTV+");
            assertThat(zh.get("infoSources").toString()).contains("\"role\":\"lead\"", "\"role\":\"co-producer\"");
            String id = zh.get("altIds").get(zh.get("altIds").size() - 1).get("value").asString();
            JsonNode set = node.get("/v1/items/" + id + "/translations", "demo-italpress-editor").json().get("items");
            assertThat(set).extracting(v -> v.get("language").asString() + (v.get("source").asBoolean() ? " (source)" : ""))
                    .containsExactly("it (source)", "en");
        }
    }

    @Test
    void demoSpecialCarriesPlayableClipAndSubtitlesThatPartnersFetchBySignedLinks() throws Exception {
        try (TestNode node = new TestNode(dataDir)) {
            node.handle().loadDemoNetwork();
            DemoMedia.Outcome made = node.handle().loadDemoMedia();
            assertThat(made.media()).as(made.said()).isPresent();
            assertThat(node.handle().loadDemoMedia().media()).as("a second start leaves the special alone").isEmpty();

            JsonNode special = node.get("/v1/feed?limit=500", "demo-cgtn-partner").json().get("entries").valueStream()
                    .map(e -> e.get("item")).filter(i -> i.get("uri").asString().equals(DemoMedia.SPECIAL))
                    .reduce((first, later) -> later).orElseThrow();
            assertThat(OfficialSchema.errorsIn(special)).isEmpty();
            JsonNode renditions = special.get("renditions");
            assertThat(renditions).extracting(r -> r.get("name").asString())
                    .contains("proxy", "poster", "subtitles-it", "subtitles-zh-Hans", "subtitles-en")
                    .noneMatch(name -> name.equals("original")); // the example.com placeholder is gone
            int videos = 0;
            for (JsonNode r : renditions) {
                String href = r.get("href").asString();
                java.net.http.HttpResponse<byte[]> got = node.bytes(href.substring(node.base.length()), null); // signed: no key
                assertThat(got.statusCode()).as(href).isEqualTo(200);
                assertThat(got.body()).hasSize(r.get("sizeInBytes").asInt());
                if (r.get("contentType").asString().equals("video/mp4")) {
                    Path copy = java.nio.file.Files.write(dataDir.resolve("got-" + r.get("name").asString() + ".mp4"), got.body());
                    assertThat(Clips.probe(copy)).isEqualTo("h264," + r.get("width").asInt() + "," + r.get("height").asInt());
                    videos++;
                }
                if (r.get("name").asString().equals("subtitles-zh-Hans")) {
                    assertThat(new String(got.body(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("WEBVTT").contains("米兰");
                }
            }
            assertThat(videos).isPositive();
        }
    }

    @Test
    void demoWithoutFfmpegSkipsTheClipWithOneLineAndKeepsTheSpecial() throws Exception {
        try (TestNode node = new TestNode(TestDatabase.settingsFor(dataDir, TestNode.ADMIN)
                .withMedia(ponte.app.MediaSettings.defaults().withPrograms(dataDir.resolve("no-ffmpeg-here").toString(), "ffprobe")),
                java.time.Clock.systemUTC())) {
            node.handle().loadDemoNetwork();
            DemoMedia.Outcome made = node.handle().loadDemoMedia();
            assertThat(made.media()).isEmpty();
            assertThat(made.said()).startsWith("demo media skipped: ffmpeg is not installed");
            assertThat(node.get("/v1/feed?limit=500", "demo-cgtn-partner").json().get("entries").valueStream()
                    .map(e -> e.get("item").get("uri").asString())).contains(DemoMedia.SPECIAL);
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}

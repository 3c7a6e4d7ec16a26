package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.api.ApiSettings;
import ponte.api.RateLimit;
import ponte.core.fixtures.MovableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Live events: Toscana Promozione streams on Trip.com's live channel; Trip.com reports its viewers, players count
 * themselves by heartbeats without a key, and each count is summed up by the documented rules (peak, unique viewers,
 * watch time, the per-minute curve). Rede Ipê is no party and never learns the event exists. The node's clock stands
 * still unless moved, so minutes and rate limits are exact.
 */
class LiveEventsTest {
    /** Small, so a burst of heartbeats from one address reaches it; the clock refills it only when moved. */
    static final RateLimit PER_ADDRESS = new RateLimit(1, 20);
    static final MovableClock clock = new MovableClock(Instant.parse("2026-05-21T12:00:10Z"));

    @TempDir
    static Path dataDir;
    static TestNode node;
    static Networks.Keys keys;
    static String campaign = "toscana-live";
    static int made;
    static String eventItem;

    @BeforeAll
    static void network() throws Exception {
        node = new TestNode(TestDatabase.settingsFor(dataDir, TestNode.ADMIN)
                .withApi(ApiSettings.defaults().withRateLimits(Optional.empty(), Optional.of(PER_ADDRESS))), clock);
        keys = Networks.aNetwork(node)
                .agency("toscana", "IT").withKey("admin").withKey("partner").withProducts("toscana-travel")
                .licensedTo("trip-com", "toscana-travel")
                .partner("trip-com", "CN").withKey("editor")
                .partner("rede-ipe", "BR").withKey("editor")
                .build();
        String agreement = node.get("/v1/agreements", keys.editor("toscana")).json().get("items").get(0).get("id").asString();
        String ctrip = CampaignsTest.outlet(node, "trip-com", "Ctrip", "CN");
        TestNode.Answer item = node.post("/v1/items", keys.editor("toscana"), TestNode.publishBody(TestNode.ninjs("zh-Hans", "托斯卡纳直播"), "toscana-travel"));
        ObjectNode stream = TestNode.ninjs("zh-Hans", "托斯卡纳直播：佛罗伦萨");
        stream.put("type", "event"); // the ninjs item that presents the live stream to partners
        TestNode.Answer presenting = node.post("/v1/items", keys.editor("toscana"), TestNode.publishBody(stream, "toscana-travel"));
        assertThat(presenting.status()).as(presenting.raw().body()).isEqualTo(201);
        eventItem = presenting.json().get("id").asString();
        TestNode.Answer made = node.post("/v1/campaigns", keys.editor("toscana"), """
                {"id": "%s", "title": "Toscana, Rinascimento senza fine", "agreement": "%s", "items": ["%s", "%s"],
                 "channels": [{"id": "ctrip-page", "partner": "trip-com", "outlet": "%s", "kind": "page"},
                              {"id": "ctrip-live", "partner": "trip-com", "outlet": "%s", "kind": "live"}]}"""
                .formatted(campaign, agreement, item.json().get("id").asString(), eventItem, ctrip, ctrip));
        assertThat(made.status()).as(made.raw().body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    /** A live event from 12:00 to 12:05 on the campaign's live channel. */
    static JsonNode anEvent() {
        TestNode.Answer a = node.post("/v1/live-events", keys.editor("toscana"), """
                {"id": "live-%d", "campaign": "%s", "title": "托斯卡纳直播", "startDate": "2026-05-21T12:00:00Z",
                 "endDate": "2026-05-21T12:05:00Z", "channel": "ctrip-live"}""".formatted(++made, campaign));
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
        return a.json();
    }

    static String heartbeat(JsonNode event) {
        return java.net.URI.create(event.get("heartbeatUrl").asString()).getPath();
    }

    static int beat(JsonNode event, String session) {
        return node.post(heartbeat(event) + (session == null ? "" : "?session=" + session), null, "", "User-Agent", "Player/1.0").status();
    }

    static TestNode.Answer report(JsonNode event, String key, String samples) {
        return node.post("/v1/live-events/" + event.get("id").asString() + "/viewers", key, "{\"samples\": [" + samples + "]}");
    }

    static List<Long> curve(JsonNode audience) {
        List<Long> out = new ArrayList<>();
        audience.get("curve").forEach(m -> out.add(m.get("concurrent").asLong()));
        return out;
    }

    @Test
    void reportedSamplesGiveThePeakTheLargestUniqueCountAndEachCountTimesTheTimeItHeld() {
        JsonNode event = anEvent();
        String partner = keys.partner("trip-com");
        assertThat(report(event, partner, """
                {"at": "2026-05-21T12:00:00Z", "concurrent": 100, "unique": 100}, {"at": "2026-05-21T12:00:30Z", "concurrent": 150},
                {"at": "2026-05-21T12:01:00Z", "concurrent": 120, "unique": 200}, {"at": "2026-05-21T12:03:00Z", "concurrent": 80, "unique": 260}""")
                .status()).isEqualTo(200);
        // A correction of the last sample replaces it.
        JsonNode reported = report(event, partner, "{\"at\": \"2026-05-21T12:03:00Z\", \"concurrent\": 90, \"unique\": 270}")
                .json().get("viewers").get("reported");

        assertThat(reported.get("peakConcurrent").asLong()).isEqualTo(150);
        assertThat(reported.get("uniqueViewers").asLong()).isEqualTo(270);
        // 100 x 30 s + 150 x 30 s + 120 x 120 s + 90 x 120 s (the last sample holds until the end, 12:05)
        assertThat(reported.get("watchSeconds").asLong()).isEqualTo(3_000 + 4_500 + 14_400 + 10_800);
        assertThat(reported.get("watchTime").asString()).isEqualTo("PT9H5M");
        assertThat(reported.get("curve").valueStream().map(m -> m.get("at").asString()))
                .containsExactly("2026-05-21T12:00:00Z", "2026-05-21T12:01:00Z", "2026-05-21T12:03:00Z");
        assertThat(curve(reported)).containsExactly(150L, 120L, 90L);
        JsonNode heartbeats = node.get("/v1/live-events/" + event.get("id").asString(), keys.editor("toscana")).json().get("viewers").get("heartbeats");
        assertThat(heartbeats.get("peakConcurrent").asLong()).as("heartbeats are counted apart").isZero();
    }

    @Test
    void onlyTheChannelsPartnerReportsAndOnlyWithinTheEvent() {
        JsonNode event = anEvent();
        assertThat(report(event, keys.editor("toscana"), "{\"at\": \"2026-05-21T12:01:00Z\", \"concurrent\": 1}").status()).isEqualTo(403);
        TestNode.Answer outside = report(event, keys.partner("trip-com"), "{\"at\": \"2026-05-21T12:01:00Z\", \"concurrent\": 1},"
                + "{\"at\": \"2026-05-21T12:06:00Z\", \"concurrent\": 1}");
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/samples/1/at");
        assertThat(report(event, keys.partner("trip-com"), "{\"at\": \"2026-05-21T12:01:00Z\", \"concurrent\": -1}").json()
                .get("errors").get(0).get("pointer").asString()).isEqualTo("/samples/0/concurrent");
    }

    @Test
    void heartbeatsCountEachViewerOncePerMinuteWithoutAKey() {
        JsonNode event = anEvent();
        List<Integer> answers = new ArrayList<>();
        for (String session : new String[] {"a", "b", "c", "a"}) {
            answers.add(beat(event, session));
        }
        clock.advance(Duration.ofMinutes(1));
        answers.add(beat(event, "a"));
        answers.add(beat(event, "b"));
        clock.advance(Duration.ofMinutes(1));
        answers.add(beat(event, "a"));
        answers.add(beat(event, null)); // no session: the viewer is its address and user agent
        answers.add(beat(event, null));

        assertThat(answers).as("acknowledged without a key").containsOnly(204);
        // Acknowledged means journaled: the store has them within a moment.
        JsonNode measured = await().atMost(Duration.ofSeconds(10)).until(() -> node.get("/v1/live-events/" + event.get("id").asString(),
                keys.partner("trip-com")).json().get("viewers").get("heartbeats"), m -> curve(m).equals(List.of(3L, 2L, 2L)));
        assertThat(measured.get("peakConcurrent").asLong()).isEqualTo(3);
        assertThat(measured.get("uniqueViewers").asLong()).as("a, b, c and the viewer without a session").isEqualTo(4);
        assertThat(measured.get("watchTime").asString()).as("a minute per viewer per minute").isEqualTo("PT7M");
    }

    @Test
    void heartbeatsFromOneAddressAreRateLimited() {
        JsonNode event = anEvent();
        List<TestNode.Answer> burst = new ArrayList<>();
        for (int i = 0; i <= PER_ADDRESS.burst(); i++) {
            burst.add(node.post(heartbeat(event) + "?session=s" + i, null, ""));
        }
        clock.advance(Duration.ofMinutes(1)); // the bucket full again for other tests

        TestNode.Answer limited = burst.getLast();
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.header("Retry-After")).isNotBlank();
        long acknowledged = burst.stream().filter(a -> a.status() == 204).count();
        assertThat(acknowledged).isPositive();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(node.get("/v1/live-events/" + event.get("id").asString(),
                keys.editor("toscana")).json().get("viewers").get("heartbeats").path("uniqueViewers").asLong())
                .as("every heartbeat answered 204 is counted, none refused is").isEqualTo(acknowledged));
    }

    @Test
    void noOneButTheOwnerAndTheChannelsPartnerLearnsTheEventExists() {
        JsonNode event = anEvent();
        String path = "/v1/live-events/" + event.get("id").asString();
        for (String outsider : List.of(keys.editor("rede-ipe"), keys.partner("rede-ipe"))) {
            assertThat(node.get(path, outsider).status()).isEqualTo(404);
            assertThat(report(event, outsider, "{\"at\": \"2026-05-21T12:01:00Z\", \"concurrent\": 1}").status()).isEqualTo(404);
            assertThat(node.get("/v1/live-events", outsider).json().get("items")).isEmpty();
        }
        assertThat(node.get(path, keys.partner("trip-com")).status()).isEqualTo(200);
        assertThat(node.get("/v1/live-events", keys.partner("trip-com")).json().get("items").valueStream().map(e -> e.get("id").asString()))
                .contains(event.get("id").asString());
        assertThat(node.post("/v1/live-events", keys.editor("trip-com"), """
                {"id": "theirs", "campaign": "%s", "title": "x", "startDate": "2026-05-21T12:00:00Z", "endDate": "2026-05-21T12:05:00Z",
                 "channel": "ctrip-live"}""".formatted(campaign)).status()).as("the partner does not create the owner's events").isEqualTo(403);
        assertThat(node.post("/go/live/aaaaaaaaaaaaaaaaaaaaaaaaaa", null, "").status()).isEqualTo(404);
    }

    @Test
    void theEventItemPresentingALiveEventIsFoundBySearchingForEventsByThoseEntitledOnly() {
        TestNode.Answer a = node.post("/v1/live-events", keys.editor("toscana"), """
                {"id": "presented", "campaign": "%s", "item": "%s", "title": "托斯卡纳直播", "startDate": "2026-05-21T12:00:00Z",
                 "endDate": "2026-05-21T14:00:00Z", "channel": "ctrip-live"}""".formatted(campaign, eventItem));
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
        assertThat(node.get("/v1/live-events/presented", keys.partner("trip-com")).json().get("item").asString()).isEqualTo(eventItem);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                node.get("/v1/search?type=event", keys.partner("trip-com")).json().get("items").valueStream()
                        .anyMatch(hit -> hit.get("id").asString().equals(eventItem)));
        JsonNode events = node.get("/v1/search?type=event", keys.partner("trip-com")).json().get("items");
        assertThat(events.valueStream().map(hit -> hit.get("type").asString())).containsOnly("event");
        assertThat(node.get("/v1/search?type=text", keys.partner("trip-com")).json().get("items").valueStream()
                .map(hit -> hit.get("id").asString())).doesNotContain(eventItem);
        assertThat(node.get("/v1/search?type=event", keys.partner("rede-ipe")).json().get("items")).isEmpty();
    }

    @Test
    void anEventIsOnOneOfTheCampaignsLiveChannels() {
        TestNode.Answer onPage = node.post("/v1/live-events", keys.editor("toscana"), """
                {"id": "on-page", "campaign": "%s", "title": "x", "startDate": "2026-05-21T12:00:00Z", "endDate": "2026-05-21T12:05:00Z",
                 "channel": "ctrip-page"}""".formatted(campaign));
        assertThat(onPage.status()).isEqualTo(422);
        assertThat(onPage.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/channel");
    }
}

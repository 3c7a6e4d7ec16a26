package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ponte.app.Networks.aNetwork;
import static ponte.app.TestNode.ninjs;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.app.TestNode.Hook;
import ponte.core.delivery.Schedule;
import ponte.core.items.ItemId;
import ponte.delivery.DeliverySettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signed webhooks to real receivers on loopback: order, retries on a schedule scaled to milliseconds, dead letters,
 * re-sends, replays, 410, isolation, filters, corrections and kills. One node for the class; each test makes its own
 * endpoints (an endpoint starts at the head of the log, so earlier tests' items never reach it).
 */
class PushDeliveryTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path dataDir;

    static TestNode node;
    static Receiver receiver;
    static String editor;
    static String alpha;
    static String beta;
    static String gamma;

    @BeforeAll
    static void network() throws Exception {
        DeliverySettings delivery = DeliverySettings.defaults().allowingPrivate(true)
                .withSchedule(Schedule.parse("0,30,60")).withTimeout(Duration.ofSeconds(1)).withPoll(Duration.ofMillis(200));
        node = new TestNode(dataDir, Clock.systemUTC(), delivery);
        receiver = new Receiver();
        Networks.Keys keys = aNetwork(node)
                .agency("agency", "IT").withProducts("news").licensedTo("alpha").licensedTo("beta")
                .partner("alpha", "CN")
                .partner("beta", "KR")
                .partner("gamma", "JP")
                .build();
        editor = keys.editor("agency");
        alpha = keys.partner("alpha");
        beta = keys.partner("beta");
        gamma = keys.partner("gamma");
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
        receiver.close();
    }

    static Hook endpoint(String partnerKey, String path, String filter) {
        Hook hook = node.endpoint(partnerKey, receiver.url(path), "ninjs", filter);
        assertThat(hook.secret()).startsWith("whsec_");
        return hook;
    }

    static JsonNode publish(ObjectNode ninjs) {
        return node.publish(editor, ninjs, "news");
    }

    static JsonNode publish(String headline) {
        return publish(ninjs("it", headline));
    }

    static JsonNode endpointState(String key, Hook hook) {
        return node.get("/v1/endpoints/" + hook.id(), key).json();
    }

    @Test
    void deliversEveryEntryInLogOrderSignedSoTheReferenceLibraryVerifies() throws Exception {
        Hook hook = endpoint(alpha, "/in-order", null);
        List<String> cursors = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            cursors.add(publish("In order " + i).get("cursor").asString());
        }
        await().atMost(WAIT).until(() -> receiver.delivered("/in-order").size() >= 20);
        List<Receiver.Hit> hits = receiver.delivered("/in-order");
        assertThat(hits).extracting(Receiver.Hit::entry).containsExactlyElementsOf(cursors);
        assertThat(hits).extracting(Receiver.Hit::headline).startsWith("In order 0", "In order 1").endsWith("In order 19");
        assertThat(hits).extracting(Receiver.Hit::type).containsOnly("item.published");
        for (Receiver.Hit hit : hits) {
            hit.verify(hook.secret());
            assertThat(hit.id()).isEqualTo("msg_" + hook.id() + "_" + hit.entry());
            assertThat(Long.parseLong(hit.timestamp())).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        }
        // The receiver answers before the outcome is committed: wait for the cursor to reach the last entry.
        await().atMost(WAIT).until(() -> endpointState(alpha, hook).get("cursor").asString().equals(cursors.getLast()));
        JsonNode attempts = node.get("/v1/endpoints/" + hook.id() + "/deliveries?limit=5", alpha).json();
        assertThat(attempts.get("items")).hasSize(5);
        assertThat(attempts.get("items").get(0).get("status").asInt()).isEqualTo(200);
        assertThat(attempts.get("items").get(0).get("latencyMs").isNumber()).isTrue();
        assertThat(node.get("/v1/endpoints/" + hook.id() + "/deliveries?limit=50&after=" + attempts.get("next").asString(), alpha).json()
                .get("items")).hasSize(15);
    }

    @Test
    void aCookieOneOrgsReceiverSetsNeverTravelsWithAnotherOrgsDelivery() {
        receiver.setCookie("/alpha-jar", "session=alpha-secret; Path=/");
        endpoint(alpha, "/alpha-jar", null);
        publish("Biscotti");
        await().atMost(WAIT).until(() -> receiver.delivered("/alpha-jar").size() == 1);
        endpoint(beta, "/beta-jar", null); // same host and port: a shared cookie store would send alpha's cookie here
        endpoint(alpha, "/alpha-again", null);
        publish("Ancora");
        await().atMost(WAIT).until(() -> receiver.delivered("/beta-jar").size() == 1 && receiver.delivered("/alpha-again").size() == 1
                && receiver.delivered("/alpha-jar").size() == 2);
        for (String path : List.of("/beta-jar", "/alpha-again", "/alpha-jar")) {
            assertThat(receiver.delivered(path)).allSatisfy(hit -> assertThat(hit.headers()).doesNotContainKey("cookie"));
        }
    }

    @Test
    void everySuccessfulDeliveryIsRecordedAsAReachFact() {
        Hook hook = endpoint(beta, "/reach", null);
        String id = publish("Reached").get("id").asString();
        await().atMost(WAIT).until(() -> receiver.delivered("/reach").size() == 1);
        await().atMost(WAIT).until(() -> node.handle().reachOf(new ItemId(id)).stream().anyMatch(d -> d.endpoint().value().equals(hook.id())));
        var fact = node.handle().reachOf(new ItemId(id)).stream().filter(d -> d.endpoint().value().equals(hook.id())).findFirst().orElseThrow();
        assertThat(fact.org().value()).isEqualTo("beta");
        assertThat(fact.version()).isEqualTo(1);
        assertThat(fact.entry().encode()).isEqualTo(receiver.delivered("/reach").getFirst().entry());
    }

    @Test
    void failedEntryIsRetriedOnTheScheduleThenDeadLetteredWhileTheCursorMovesOn() {
        receiver.answer("/flaky", h -> h.body().contains("Doomed") ? 500 : 200);
        Hook hook = endpoint(alpha, "/flaky", null);
        String doomed = publish("Doomed").get("cursor").asString();
        String after = publish("After the doomed one").get("cursor").asString();
        await().atMost(WAIT).until(() -> receiver.delivered("/flaky").size() == 1);
        // Outcomes commit after the receiver answers: read the attempt log once the cursor is past both entries.
        await().atMost(WAIT).until(() -> endpointState(alpha, hook).get("cursor").asString().equals(after));
        List<Receiver.Hit> tries = receiver.hits("/flaky").stream().filter(h -> h.entry().equals(doomed)).toList();
        assertThat(tries).hasSize(3).extracting(Receiver.Hit::id).containsOnly("msg_" + hook.id() + "_" + doomed);
        // Each attempt starts 30 ms, then 60 ms, after the one before it (the attempt log has the times it started).
        List<Instant> started = new java.util.ArrayList<>();
        node.get("/v1/endpoints/" + hook.id() + "/deliveries", alpha).json().get("items").forEach(a -> {
            if (a.get("entry").asString().equals(doomed)) {
                started.add(0, Instant.parse(a.get("attemptedAt").asString()));
            }
        });
        assertThat(started).hasSize(3);
        assertThat(Duration.between(started.get(0), started.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(30));
        assertThat(Duration.between(started.get(1), started.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(60));
        assertThat(receiver.delivered("/flaky").getFirst().headline()).isEqualTo("After the doomed one");

        JsonNode letters = node.get("/v1/endpoints/" + hook.id() + "/dead-letters", alpha).json().get("items");
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).get("entry").asString()).isEqualTo(doomed);
        assertThat(letters.get(0).get("attempts").asInt()).isEqualTo(3);
        assertThat(letters.get(0).get("lastError").asString()).startsWith("HTTP 500");

        receiver.answer("/flaky", 200);
        TestNode.Answer resend = node.post("/v1/endpoints/" + hook.id() + "/dead-letters/" + doomed + "/resend", alpha, "");
        assertThat(resend.status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> receiver.delivered("/flaky").size() == 2);
        assertThat(receiver.delivered("/flaky").get(1).id()).isEqualTo("msg_" + hook.id() + "_" + doomed);
        await().atMost(WAIT).until(() -> node.get("/v1/endpoints/" + hook.id() + "/dead-letters", alpha).json().get("items").isEmpty());
        assertThat(node.post("/v1/endpoints/" + hook.id() + "/dead-letters/" + doomed + "/resend", alpha, "").status()).isEqualTo(404);
    }

    @Test
    void resendingAllDeadLettersSendsEachOnceMore() {
        AtomicBoolean up = new AtomicBoolean(false);
        receiver.answer("/down", h -> up.get() ? 200 : 503);
        Hook hook = endpoint(alpha, "/down", null);
        publish("Lost one");
        publish("Lost two");
        await().atMost(WAIT).until(() -> node.get("/v1/endpoints/" + hook.id() + "/dead-letters", alpha).json().get("items").size() == 2);
        up.set(true);
        TestNode.Answer resend = node.post("/v1/endpoints/" + hook.id() + "/dead-letters/resend", alpha, "");
        assertThat(resend.status()).isEqualTo(202);
        assertThat(resend.json().get("resending").asInt()).isEqualTo(2);
        await().atMost(WAIT).until(() -> receiver.delivered("/down").size() == 2);
        assertThat(receiver.delivered("/down")).extracting(Receiver.Hit::headline).containsExactly("Lost one", "Lost two");
    }

    @Test
    void goneDisablesTheEndpointWithTheReasonVisibleUntilItsOrgResumesIt() {
        receiver.answer("/gone", 410);
        Hook hook = endpoint(beta, "/gone", null);
        publish("Into the void");
        await().atMost(WAIT).until(() -> endpointState(beta, hook).get("state").asString().equals("disabled"));
        assertThat(endpointState(beta, hook).get("reason").asString()).contains("410 Gone");
        publish("Not attempted while disabled");
        assertThat(receiver.hits("/gone")).hasSize(1);

        receiver.answer("/gone", 200);
        TestNode.Answer resumed = node.patch("/v1/endpoints/" + hook.id(), beta, "{\"paused\":false}");
        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.json().get("state").asString()).isEqualTo("active");
        await().atMost(WAIT).until(() -> receiver.delivered("/gone").size() == 2);
        assertThat(receiver.delivered("/gone")).extracting(Receiver.Hit::headline).containsExactly("Into the void", "Not attempted while disabled");
    }

    @Test
    void pausedEndpointReceivesNothingUntilResumedThenEverythingInOrder() {
        Hook hook = endpoint(alpha, "/paused", null);
        assertThat(node.patch("/v1/endpoints/" + hook.id(), alpha, "{\"paused\":true}").json().get("state").asString()).isEqualTo("paused");
        publish("While paused 1");
        publish("While paused 2");
        assertThat(receiver.hits("/paused")).isEmpty();
        node.patch("/v1/endpoints/" + hook.id(), alpha, "{\"paused\":false}");
        await().atMost(WAIT).until(() -> receiver.delivered("/paused").size() == 2);
        assertThat(receiver.delivered("/paused")).extracting(Receiver.Hit::headline).containsExactly("While paused 1", "While paused 2");
    }

    @Test
    void replayFromACursorOrATimeSendsAgainWithTheSameWebhookIds() {
        Hook hook = endpoint(alpha, "/replay", null);
        Instant before = Instant.now().minusMillis(1);
        String first = publish("Replay 1").get("cursor").asString();
        publish("Replay 2");
        String last = publish("Replay 3").get("cursor").asString();
        await().atMost(WAIT).until(() -> receiver.delivered("/replay").size() == 3);
        List<String> ids = receiver.delivered("/replay").stream().map(Receiver.Hit::id).toList();
        // The receiver answers before the outcome is committed: a replay is measured from the committed cursor.
        await().atMost(WAIT).until(() -> endpointState(alpha, hook).get("cursor").asString().equals(last));

        TestNode.Answer fromCursor = node.post("/v1/endpoints/" + hook.id() + "/replay", alpha, "{\"from\":\"" + first + "\"}");
        assertThat(fromCursor.status()).as(fromCursor.raw().body()).isEqualTo(200);
        await().atMost(WAIT).until(() -> receiver.delivered("/replay").size() == 5);
        assertThat(receiver.delivered("/replay").subList(3, 5)).extracting(Receiver.Hit::id).containsExactlyElementsOf(ids.subList(1, 3));

        TestNode.Answer fromTime = node.post("/v1/endpoints/" + hook.id() + "/replay", alpha, "{\"from\":\"" + before + "\"}");
        assertThat(fromTime.status()).as(fromTime.raw().body()).isEqualTo(200);
        await().atMost(WAIT).until(() -> receiver.delivered("/replay").size() == 8);
        assertThat(receiver.delivered("/replay").subList(5, 8)).extracting(Receiver.Hit::id).containsExactlyElementsOf(ids);

        String ahead = "c" + Long.toString(node.handle().head().seq() + 10, 36);
        TestNode.Answer forward = node.post("/v1/endpoints/" + hook.id() + "/replay", alpha, "{\"from\":\"" + ahead + "\"}");
        assertThat(forward.status()).isEqualTo(422);
        assertThat(node.post("/v1/endpoints/" + hook.id() + "/replay", alpha, "{\"from\":\"yesterday\"}").status()).isEqualTo(422);
    }

    @Test
    void aStalledEndpointDoesNotDelayAHealthyOneOfTheSameOrg() {
        receiver.stall("/stalled");
        Hook stalled = endpoint(beta, "/stalled", null);
        endpoint(beta, "/healthy", null);
        try {
            for (int i = 0; i < 5; i++) {
                publish("Isolation " + i);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.delivered("/healthy").size() == 5);
            assertThat(receiver.delivered("/stalled")).isEmpty();
            // The stalled request ends at the (scaled) timeout, as an attempt with no status.
            await().atMost(WAIT).until(() -> !node.get("/v1/endpoints/" + stalled.id() + "/deliveries", beta).json().get("items").isEmpty());
            JsonNode timedOut = node.get("/v1/endpoints/" + stalled.id() + "/deliveries", beta).json().get("items").get(0);
            assertThat(timedOut.get("status").isNull()).isTrue();
            assertThat(timedOut.get("error").asString()).containsIgnoringCase("timeout");
        } finally {
            node.delete("/v1/endpoints/" + stalled.id(), beta, "");
            receiver.release("/stalled");
        }
    }

    @Test
    void correctionAndKillReachEveryEndpointThatGotTheItemWhateverItsFilter() {
        endpoint(alpha, "/ck-alpha", "{\"languages\":[\"it\"]}");
        endpoint(beta, "/ck-beta", null);
        endpoint(gamma, "/ck-gamma", null); // gamma holds no licence
        String id = publish("Notizia").get("id").asString();
        await().atMost(WAIT).until(() -> receiver.delivered("/ck-alpha").size() == 1 && receiver.delivered("/ck-beta").size() == 1);
        // The correction is in English: alpha's filter (Italian only) would refuse it, but alpha has the item.
        assertThat(node.put("/v1/items/" + id, editor, TestNode.reviseBody(ninjs("en", "Story (corrected)"), "correction")).status()).isEqualTo(200);
        assertThat(node.delete("/v1/items/" + id, editor, "{\"reason\":\"Legal\"}").status()).isEqualTo(200);
        for (String path : List.of("/ck-alpha", "/ck-beta")) {
            await().atMost(WAIT).until(() -> receiver.delivered(path).size() == 3);
            List<Receiver.Hit> hits = receiver.delivered(path);
            assertThat(hits).extracting(Receiver.Hit::type).containsExactly("item.published", "item.corrected", "item.killed");
            assertThat(hits.get(2).json().get("data").get("item").get("pubStatus").asString()).isEqualTo("canceled");
        }
        assertThat(receiver.hits("/ck-gamma")).isEmpty();
    }

    @Test
    void filterNarrowsByLanguageAndSubject() {
        endpoint(alpha, "/zh-only", "{\"languages\":[\"zh\"]}");
        endpoint(alpha, "/sport", "{\"subjects\":[\"http://cv.iptc.org/newscodes/mediatopic/15000000\"]}");
        publish(ninjs("it", "Italiano"));
        publish(ninjs("zh-Hans", "中文新闻"));
        ObjectNode sport = ninjs("it", "Sport");
        sport.putArray("subjects").addObject().put("name", "sport").put("uri", "http://cv.iptc.org/newscodes/mediatopic/15000000");
        publish(sport);
        publish(ninjs("it", "Last"));
        await().atMost(WAIT).until(() -> receiver.delivered("/zh-only").size() == 1 && receiver.delivered("/sport").size() == 1);
        assertThat(receiver.delivered("/zh-only").getFirst().headline()).isEqualTo("中文新闻");
        assertThat(receiver.delivered("/sport").getFirst().headline()).isEqualTo("Sport");
    }

    @Test
    void rotatedSecretSignsBesideTheOldOneSoReceiversCanSwitchWithoutLosingADelivery() throws Exception {
        Hook hook = endpoint(alpha, "/rotate", null);
        TestNode.Answer rotated = node.post("/v1/endpoints/" + hook.id() + "/rotate-secret", alpha, "");
        assertThat(rotated.status()).isEqualTo(200);
        String fresh = rotated.json().get("secret").asString();
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(hook.secret());
        assertThat(Instant.parse(rotated.json().get("previousSecretEndsAt").asString()))
                .isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
        publish("Signed twice");
        await().atMost(WAIT).until(() -> receiver.delivered("/rotate").size() == 1);
        Receiver.Hit hit = receiver.delivered("/rotate").getFirst();
        assertThat(hit.signature().split(" ")).hasSize(2);
        hit.verify(hook.secret());
        hit.verify(fresh);
    }

    @Test
    void anotherOrgsEndpointIsNotFoundAndWhatCannotBeDeliveredIsRefused() {
        Hook hook = endpoint(alpha, "/private-to-alpha", null);
        assertThat(node.get("/v1/endpoints/" + hook.id(), beta).status()).isEqualTo(404);
        assertThat(node.patch("/v1/endpoints/" + hook.id(), beta, "{\"paused\":true}").status()).isEqualTo(404);
        assertThat(node.delete("/v1/endpoints/" + hook.id(), beta, "").status()).isEqualTo(404);
        assertThat(node.post("/v1/endpoints/" + hook.id() + "/rotate-secret", beta, "").status()).isEqualTo(404);
        assertThat(node.get("/v1/endpoints", beta).json().get("items").toString()).doesNotContain(hook.id());
        assertThat(node.get("/v1/endpoints", alpha).json().get("items").toString()).contains(hook.id());

        TestNode.Answer rss = node.post("/v1/endpoints", alpha, "{\"url\":\"" + receiver.url("/x") + "\",\"format\":\"rss\"}");
        assertThat(rss.status()).isEqualTo(422);
        assertThat(rss.contentType()).startsWith("application/problem+json");
        assertThat(rss.json().get("detail").asString()).contains("ninjs, ninjs2, newsmlg2");
        assertThat(node.post("/v1/endpoints", alpha, "{\"url\":\"ftp://127.0.0.1/x\"}").status()).isEqualTo(422);
        assertThat(node.post("/v1/endpoints", alpha, "{\"url\":\"" + receiver.url("/x") + "\",\"filter\":{\"languages\":[\"not a tag\"]}}").status()).isEqualTo(422);
        assertThat(node.post("/v1/endpoints", null, "{\"url\":\"" + receiver.url("/x") + "\"}").status()).isEqualTo(401);

        assertThat(node.delete("/v1/endpoints/" + hook.id(), alpha, "").status()).isEqualTo(204);
        assertThat(node.get("/v1/endpoints/" + hook.id(), alpha).status()).isEqualTo(404);
    }

    @Test
    void redirectsAreNotFollowedAndLargeAnswersAreNotRead() {
        receiver.redirect("/moved", "/elsewhere");
        receiver.bodySize("/chatty", 5_000_000);
        Hook moved = endpoint(alpha, "/moved", null);
        endpoint(alpha, "/chatty", null);
        String entry = publish("Redirected").get("cursor").asString();
        await().atMost(WAIT).until(() -> node.get("/v1/endpoints/" + moved.id() + "/dead-letters", alpha).json().get("items").size() == 1);
        assertThat(node.get("/v1/endpoints/" + moved.id() + "/dead-letters", alpha).json().get("items").get(0).get("lastError").asString())
                .startsWith("HTTP 302");
        assertThat(receiver.hits("/elsewhere")).isEmpty();
        // A 200 with a 5 MB body counts as delivered; the body is read only up to a small limit.
        await().atMost(WAIT).until(() -> receiver.delivered("/chatty").size() == 1);
        assertThat(receiver.delivered("/chatty").getFirst().entry()).isEqualTo(entry);
    }
}

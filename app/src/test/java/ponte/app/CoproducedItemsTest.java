package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.app.Networks.aNetwork;
import static ponte.app.TestNode.ninjs;
import static ponte.app.TestNode.reviseBody;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Co-produced items: drafts held outside the log until an editor of every party approved that exact draft, the last
 * approval releasing it as an ordinary entry; a kill by any one party reaches every recipient at once.
 */
class CoproducedItemsTest {
    @TempDir
    static Path dataDir;
    static TestNode node;
    static Receiver receiver;
    static Networks.Keys keys;
    static String italpress;
    static String cctv;

    @BeforeAll
    static void network() throws Exception {
        node = new TestNode(dataDir, java.time.Clock.systemUTC(), ponte.delivery.DeliverySettings.defaults().allowingPrivate(true)
                .withPoll(java.time.Duration.ofMillis(200)));
        receiver = new Receiver();
        keys = aNetwork(node)
                .agency("italpress", "IT").withKey("admin").withProducts("italpress-video").licensedTo("rai").licensedTo("sbs")
                .agency("cctv-plus", "CN").withKey("admin").withProducts("cctv-plus-video").licensedTo("kbs").licensedTo("mediaset")
                .agency("outsider", "JP").withKey("admin").withProducts("outsider-news")
                .partner("rai", "IT").partner("sbs", "AU").partner("kbs", "KR").partner("mediaset", "IT")
                .build();
        italpress = keys.editor("italpress");
        cctv = keys.editor("cctv-plus");
        CoproductionsTest.agreement(node, keys, "reciprocal", "italpress", "cctv-plus", "italpress-video", "cctv-plus-video");
        TestNode.Answer project = node.post("/v1/coproductions", italpress, CoproductionsTest.project("focus", "coe-2017-bilateral", null, 50, 50));
        assertThat(project.status()).as(project.raw().body()).isEqualTo(201);
        CoproductionsTest.approve(node, "/v1/coproductions/focus", keys.key("italpress", "admin"));
        CoproductionsTest.approve(node, "/v1/coproductions/focus", keys.key("cctv-plus", "admin"));
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
        receiver.close();
    }

    static String coproduce(String editor, String headline) {
        ObjectNode body = ponte.formats.NinjsWriter.mapper().createObjectNode();
        body.set("ninjs", ninjs("it", headline));
        body.putArray("products").add("italpress-video").add("cctv-plus-video");
        body.put("coproduction", "focus");
        TestNode.Answer a = node.post("/v1/items", editor, body.toString());
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
        assertThat(a.json().get("state").asString()).isEqualTo("draft");
        return a.json().get("id").asString();
    }

    static TestNode.Answer approve(String editor, String item, int version) {
        return node.post("/v1/items/" + item + "/approve", editor, "{\"version\": " + version + "}");
    }

    static List<String> feed(String partner) {
        List<String> out = new ArrayList<>();
        node.get("/v1/feed?limit=500", keys.partner(partner)).json().get("entries")
                .forEach(e -> out.add(e.get("event").asString() + ":" + e.get("item").get("headlines").get(0).get("value").asString()));
        return out;
    }

    @Test
    void noReleaseWithoutEveryPartysApprovalOfThatExactVersion() {
        String item = coproduce(italpress, "Cortina, the downhill course");
        assertThat(node.get("/v1/items/" + item, italpress).status()).as("a draft is not on the log").isEqualTo(404);

        TestNode.Answer first = approve(italpress, item, 1);
        assertThat(first.status()).as(first.raw().body()).isEqualTo(200);
        assertThat(first.json().get("state").asString()).isEqualTo("draft");
        assertThat(first.json().get("awaitingApproval").toString()).isEqualTo("[\"cctv-plus\"]");
        assertThat(feed("rai")).doesNotContain("published:Cortina, the downhill course");
        assertThat(approve(cctv, item, 2).status()).as("no such draft yet").isEqualTo(409);

        TestNode.Answer last = approve(cctv, item, 1);
        assertThat(last.json().get("state").asString()).isEqualTo("released");
        assertThat(last.json().get("released").get("event").asString()).isEqualTo("published");
        assertThat(feed("rai")).contains("published:Cortina, the downhill course");
        assertThat(feed("kbs")).contains("published:Cortina, the downhill course");
        assertThat(node.get("/v1/items/" + item, cctv).status()).isEqualTo(200);
    }

    @Test
    void eachPartySeesTheProjectsReachWithEveryPartysNetworkApartAndNobodyElseSeesIt() {
        String item = coproduce(italpress, "Reach of the downhill special");
        approve(italpress, item, 1);
        assertThat(approve(cctv, item, 1).json().get("state").asString()).isEqualTo("released");
        for (String party : List.of(italpress, cctv)) {
            TestNode.Answer reach = node.get("/v1/reach?coproduction=focus", party);
            assertThat(reach.status()).as(reach.raw().body()).isEqualTo(200);
            List<String> licensors = new ArrayList<>();
            reach.json().get("facets").get("licensor").forEach(b -> licensors.add(b.get("value").asString()));
            List<String> partners = new ArrayList<>();
            reach.json().get("facets").get("partner").forEach(b -> partners.add(b.get("value").asString()));
            assertThat(licensors).containsExactlyInAnyOrder("italpress", "cctv-plus");
            assertThat(partners).contains("rai", "kbs").doesNotContain("mediaset");
        }
        assertThat(node.get("/v1/reach?coproduction=focus", keys.editor("outsider")).status()).isEqualTo(404);
        assertThat(node.get("/v1/reach?coproduction=focus", keys.partner("rai")).status()).isEqualTo(404);
    }

    @Test
    void newDraftResetsApprovals() {
        String item = coproduce(italpress, "Bormio, first draft");
        approve(italpress, item, 1);
        TestNode.Answer second = node.put("/v1/items/" + item, cctv, reviseBody(ninjs("it", "Bormio, second draft"), "update"));
        assertThat(second.status()).as(second.raw().body()).isEqualTo(200);
        assertThat(second.json().get("version").asInt()).isEqualTo(2);
        assertThat(second.json().get("awaitingApproval").toString()).isEqualTo("[\"cctv-plus\",\"italpress\"]");

        assertThat(approve(cctv, item, 1).status()).as("approving a draft no longer current").isEqualTo(409);
        assertThat(approve(cctv, item, 2).json().get("state").asString()).isEqualTo("draft");
        assertThat(feed("rai")).noneMatch(e -> e.contains("Bormio"));
        assertThat(approve(italpress, item, 2).json().get("state").asString()).isEqualTo("released");
        assertThat(feed("rai")).contains("published:Bormio, second draft").doesNotContain("published:Bormio, first draft");
    }

    @Test
    void aReleasedItemChangesOnlyThroughAnotherApprovedDraft() {
        String item = coproduce(italpress, "Livigno, released");
        approve(italpress, item, 1);
        approve(cctv, item, 1);
        TestNode.Answer correction = node.put("/v1/items/" + item, italpress, reviseBody(ninjs("it", "Livigno, corrected"), "correction"));
        assertThat(correction.json().get("state").asString()).isEqualTo("draft");
        assertThat(node.get("/v1/items/" + item, keys.partner("rai")).json().get("headlines").get(0).get("value").asString())
                .isEqualTo("Livigno, released");
        approve(cctv, item, 2);
        TestNode.Answer last = approve(italpress, item, 2);
        assertThat(last.json().get("released").get("event").asString()).isEqualTo("corrected");
        assertThat(last.json().get("released").get("version").asInt()).isEqualTo(2);
        assertThat(feed("kbs")).contains("corrected:Livigno, corrected");
    }

    @Test
    void aRejectedDraftIsNotReleased() {
        String item = coproduce(cctv, "Anterselva, biathlon");
        TestNode.Answer rejected = node.post("/v1/items/" + item + "/reject", italpress, "{\"version\": 1, \"comment\": \"The start list is wrong\"}");
        assertThat(rejected.status()).as(rejected.raw().body()).isEqualTo(200);
        assertThat(node.post("/v1/items/" + item + "/reject", italpress, "{\"version\": 1}").status()).as("a rejection says why").isEqualTo(422);
        assertThat(approve(cctv, item, 1).status()).isEqualTo(409);
        assertThat(feed("kbs")).noneMatch(e -> e.contains("Anterselva"));
    }

    @Test
    void twoPartiesApprovingAtOnceReleaseTheDraftExactlyOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            String headline = "Tesero, cross-country relay " + round;
            String item = coproduce(italpress, headline);
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
                List<java.util.concurrent.Future<TestNode.Answer>> answers = new ArrayList<>();
                for (String editor : List.of(italpress, cctv, italpress, cctv)) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return approve(editor, item, 1);
                    }));
                }
                start.countDown();
                for (var answer : answers) {
                    TestNode.Answer a = answer.get();
                    assertThat(a.status()).as(a.raw().body()).isEqualTo(200);
                }
                assertThat(answers.stream().filter(f -> f.resultNow().json().has("released"))).as("one approval released it").hasSize(1);
            }
            assertThat(feed("rai")).filteredOn(e -> e.endsWith(headline)).containsExactly("published:" + headline);
            TestNode.Answer again = approve(cctv, item, 1);
            assertThat(again.json().get("state").asString()).as("a retry after the release changes nothing").isEqualTo("released");
            assertThat(again.json().has("released")).isFalse();
            assertThat(feed("kbs")).filteredOn(e -> e.endsWith(headline)).containsExactly("published:" + headline);
        }
    }

    @Test
    void aReleaseTheLogRefusesPublishesNothingAndLeavesTheDraftApprovable() {
        TestNode.Answer foreign = node.post("/v1/items", keys.editor("outsider"), "{\"ninjs\": " + ninjs("ja", "Tokyo, foreign story")
                + ", \"products\": [\"outsider-news\"]}");
        assertThat(foreign.status()).as(foreign.raw().body()).isEqualTo(201);
        ObjectNode body = ponte.formats.NinjsWriter.mapper().createObjectNode();
        body.set("ninjs", ninjs("it", "Tokyo, versione italiana"));
        body.putArray("products").add("italpress-video").add("cctv-plus-video");
        body.put("coproduction", "focus");
        body.put("translationOf", foreign.json().get("id").asString());
        TestNode.Answer draft = node.post("/v1/items", italpress, body.toString());
        assertThat(draft.status()).as(draft.raw().body()).isEqualTo(201);
        String item = draft.json().get("id").asString();

        assertThat(approve(italpress, item, 1).status()).isEqualTo(200);
        TestNode.Answer refused = approve(cctv, item, 1);
        assertThat(refused.status()).as("the log refuses a translation of another org's item").isEqualTo(422);
        assertThat(feed("rai")).noneMatch(e -> e.contains("Tokyo"));
        assertThat(node.get("/v1/items/" + item, keys.partner("kbs")).status()).isEqualTo(404);
        JsonNode steps = node.get("/v1/items/" + item + "/versions", cctv).json().get("items");
        assertThat(steps).extracting(s -> s.get("event").asString()).containsExactly("drafted", "approved", "approved");

        assertThat(approve(cctv, item, 1).status()).as("approving again tries the release again, not 'released already'").isEqualTo(422);
        TestNode.Answer fixed = node.put("/v1/items/" + item, cctv, reviseBody(ninjs("it", "Tokyo, versione italiana rivista"), "update"));
        assertThat(fixed.json().get("state").asString()).isEqualTo("draft");
        assertThat(fixed.json().get("version").asInt()).isEqualTo(2);
    }

    @Test
    void killByOnePartyReachesEveryRecipientAtOnce() {
        String item = coproduce(italpress, "Val di Fiemme, ski jumping");
        approve(italpress, item, 1);
        approve(cctv, item, 1);
        TestNode.Answer kill = node.delete("/v1/items/" + item, cctv, "{\"reason\": \"legal: image rights withdrawn\"}");
        assertThat(kill.status()).as(kill.raw().body()).isEqualTo(200);
        assertThat(kill.json().get("event").asString()).isEqualTo("killed");
        assertThat(feed("rai")).contains("killed:Val di Fiemme, ski jumping");
        assertThat(feed("kbs")).contains("killed:Val di Fiemme, ski jumping");
        assertThat(node.put("/v1/items/" + item, italpress, reviseBody(ninjs("it", "Again"), "update")).status()).isEqualTo(409);
    }

    @Test
    void versionsShowDraftsApprovalsRejectionsAndReleasesToThePartiesOnly() {
        String item = coproduce(italpress, "Milano, opening ceremony");
        node.post("/v1/items/" + item + "/reject", cctv, "{\"version\": 1, \"comment\": \"Needs the Chinese delegation\"}");
        node.put("/v1/items/" + item, italpress, reviseBody(ninjs("it", "Milano, opening ceremony with every delegation"), "update"));
        node.post("/v1/items/" + item + "/approve", cctv, "{\"version\": 2, \"comment\": \"Good\"}");
        approve(italpress, item, 2);

        JsonNode steps = node.get("/v1/items/" + item + "/versions", cctv).json().get("items");
        List<String> events = new ArrayList<>();
        steps.forEach(s -> events.add(s.get("event").asString() + (s.has("org") ? " by " + s.get("org").asString() : "")
                + (s.has("draft") ? " draft " + s.get("draft").asInt() : "") + (s.has("version") ? " version " + s.get("version").asInt() : "")));
        assertThat(events).containsExactly("drafted by italpress draft 1", "rejected by cctv-plus draft 1", "drafted by italpress draft 2",
                "approved by cctv-plus draft 2", "approved by italpress draft 2", "published draft 2 version 1");
        assertThat(steps.get(1).get("comment").asString()).isEqualTo("Needs the Chinese delegation");
        assertThat(steps.get(2).get("ninjs").get("headlines").get(0).get("value").asString()).isEqualTo("Milano, opening ceremony with every delegation");

        assertThat(node.get("/v1/items/" + item + "/versions", keys.editor("outsider")).status()).isEqualTo(404);
        assertThat(node.post("/v1/items/" + item + "/approve", keys.editor("outsider"), "{\"version\": 2}").status()).isEqualTo(404);
        assertThat(node.get("/v1/items/" + item + "/versions", keys.partner("rai")).status()).isEqualTo(404);
    }

    @Test
    void aDraftNeverReleasedIsWithdrawnByAnyParty() {
        String item = coproduce(italpress, "Predazzo, withdrawn");
        TestNode.Answer withdrawn = node.delete("/v1/items/" + item, cctv, "{\"reason\": \"legal\"}");
        assertThat(withdrawn.json().get("event").asString()).isEqualTo("withdrawn");
        assertThat(approve(italpress, item, 1).status()).isEqualTo(409);
        JsonNode steps = node.get("/v1/items/" + item + "/versions", italpress).json().get("items");
        assertThat(steps.get(steps.size() - 1).get("event").asString()).isEqualTo("withdrawn");
        assertThat(steps.get(steps.size() - 1).get("org").asString()).isEqualTo("cctv-plus");
    }

    @Test
    void coproducedItemNeedsAnActiveProjectOfTheCallersOrgAndItsPartiesProducts() {
        String body = "{\"ninjs\": " + ninjs("it", "Nope") + ", \"products\": [\"italpress-video\"], \"coproduction\": \"focus\"}";
        assertThat(node.post("/v1/items", keys.editor("outsider"), body).status()).isEqualTo(422);
        TestNode.Answer foreign = node.post("/v1/items", italpress, body.replace("italpress-video", "outsider-news"));
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/products");
        String plain = "{\"ninjs\": " + ninjs("it", "Nope") + ", \"products\": [\"cctv-plus-video\"]}";
        assertThat(node.post("/v1/items", italpress, plain).status()).as("without a co-production, only the org's own products").isEqualTo(422);
    }

    // --- each party's network, within its territories ---

    @Test
    void eachPartysPartnersReceiveTheReleasedItemWithinThatPartysTerritoriesOnly() {
        String item = released("Cortina, the women's downhill");
        assertThat(feed("rai")).as("Italpress's partner in Italy").contains("published:Cortina, the women's downhill");
        assertThat(feed("sbs")).as("Italpress's partner outside Italy").noneMatch(e -> e.contains("women's downhill"));
        assertThat(feed("kbs")).as("CCTV+'s partner outside Italy").contains("published:Cortina, the women's downhill");
        assertThat(feed("mediaset")).as("CCTV+'s partner in Italy").noneMatch(e -> e.contains("women's downhill"));
        assertThat(node.get("/v1/items/" + item, keys.partner("sbs")).status()).isEqualTo(404);
        assertThat(node.get("/v1/search?q=downhill", keys.partner("mediaset")).json().get("items").toString()).doesNotContain(item);
    }

    @Test
    void explainNamesTheCarryingPartyOrTheProjectTerritoryThatStoppedIt() {
        String item = released("Bormio, the men's downhill");
        JsonNode carried = node.get("/v1/items/" + item + "/explain?partner=kbs", cctv).json();
        assertThat(carried.get("entitled").asBoolean()).isTrue();
        assertThat(carried.get("carriedBy").asString()).isEqualTo("cctv-plus");

        JsonNode stopped = node.get("/v1/items/" + item + "/explain?partner=sbs", italpress).json();
        assertThat(stopped.get("entitled").asBoolean()).isFalse();
        assertThat(stopped.get("licences").get(0).get("reasons").toString())
                .contains("territory AU is outside italpress's territories in co-production focus (IT)");
    }

    @Test
    void everyFormatCreditsBothPartiesWithTheirFunctionsAsValidDocuments() throws Exception {
        String item = released("Milano, ice hockey final");
        JsonNode ninjs = node.get("/v1/items/" + item, keys.partner("kbs")).json();
        assertThat(ninjs.get("copyrightHolder").asString()).isEqualTo("italpress Org / cctv-plus Org");
        assertThat(ninjs.get("infoSources").toString()).contains("{\"name\":\"italpress Org\",\"role\":\"lead\",\"literal\":\"italpress\"}")
                .contains("{\"name\":\"cctv-plus Org\",\"role\":\"co-producer\",\"literal\":\"cctv-plus\"}");
        assertThat(ponte.formats.OfficialSchema.errorsIn(ninjs)).isEmpty();

        String g2 = node.get("/v1/items/" + item, keys.partner("kbs"), "application/vnd.iptc.g2.newsitem+xml").raw().body();
        assertThat(g2).contains("<name>italpress Org / cctv-plus Org</name>")
                .contains("literal=\"italpress\"><name>italpress Org</name><definition>lead</definition>")
                .contains("literal=\"cctv-plus\"><name>cctv-plus Org</name><definition>co-producer</definition>");
        assertThat(ponte.formats.NewsMlSchema.errorsIn(g2.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEmpty();

        String atom = node.get("/v1/items/" + item, keys.partner("kbs"), "application/atom+xml").raw().body();
        assertThat(atom).contains("<name>italpress Org (lead)</name>").contains("<name>cctv-plus Org (co-producer)</name>");
    }

    @Test
    void eachRouteRecordsTheLicensorThatCarriedIt() throws Exception {
        String item = released("Livigno, snowboard cross");
        java.util.Map<String, String> licensors = new java.util.HashMap<>();
        try (var c = node.handle().dataSource().getConnection();
             var s = c.prepareStatement("select org_id, licensor_id from routes where item_id = ?")) {
            s.setString(1, item);
            try (var rows = s.executeQuery()) {
                while (rows.next()) {
                    licensors.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        assertThat(licensors).containsOnly(java.util.Map.entry("rai", "italpress"), java.util.Map.entry("kbs", "cctv-plus"));
    }

    @Test
    void eachDeliveryRecordsTheLicensorThatCarriedIt() {
        TestNode.Hook hook = node.endpoint(keys.partner("kbs"), receiver.url("/kbs"), "ninjs", null);
        String item = released("Rasun, the biathlon relay");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> node.handle().reachOf(new ponte.core.items.ItemId(item)).size() == 1);
        assertThat(node.handle().reachOf(new ponte.core.items.ItemId(item))).singleElement().satisfies(d -> {
            assertThat(d.endpoint().value()).isEqualTo(hook.id());
            assertThat(d.licensor()).contains(new ponte.core.orgs.OrgId("cctv-plus"));
        });
    }

    static String released(String headline) {
        String item = coproduce(italpress, headline);
        approve(italpress, item, 1);
        assertThat(approve(cctv, item, 1).json().get("state").asString()).isEqualTo("released");
        return item;
    }

    // --- translation sets that move together ---

    static String coproduceTranslation(String editor, String language, String headline, String of) {
        ObjectNode body = ponte.formats.NinjsWriter.mapper().createObjectNode();
        body.set("ninjs", ninjs(language, headline));
        body.putArray("products").add("italpress-video").add("cctv-plus-video");
        body.put("coproduction", "focus");
        body.put("translationOf", of);
        TestNode.Answer a = node.post("/v1/items", editor, body.toString());
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
        String item = a.json().get("id").asString();
        approve(italpress, item, 1);
        approve(cctv, item, 1);
        return item;
    }

    static JsonNode translations(String item, String key) {
        TestNode.Answer a = node.get("/v1/items/" + item + "/translations", key);
        assertThat(a.status()).as(a.raw().body()).isEqualTo(200);
        return a.json().get("items");
    }

    @Test
    void aCoproductionsLanguageVersionsFormOneSetAcrossItsPartiesWithItsSourceShown() {
        String italian = released("Sci alpino, la discesa");
        String chinese = coproduceTranslation(cctv, "zh-Hans", "高山滑雪：滑降", italian);
        TestNode.Answer english = node.post("/v1/items", italpress, "{\"ninjs\": " + ninjs("en", "Alpine skiing: the downhill")
                + ", \"products\": [\"italpress-video\"], \"translationOf\": \"" + chinese + "\"}");
        assertThat(english.status()).as(english.raw().body()).isEqualTo(201);

        JsonNode fromEnglish = translations(english.json().get("id").asString(), italpress);
        assertThat(fromEnglish).hasSize(2);
        assertThat(fromEnglish.get(0).get("id").asString()).isEqualTo(italian);
        assertThat(fromEnglish.get(0).get("source").asBoolean()).isTrue();
        assertThat(fromEnglish.get(1).get("source").asBoolean()).isFalse();
        assertThat(translations(italian, cctv)).extracting(m -> m.get("language").asString()).containsExactly("zh-Hans", "en");

        TestNode.Answer foreign = node.post("/v1/items", keys.editor("outsider"), "{\"ninjs\": " + ninjs("ja", "滑降")
                + ", \"products\": [\"outsider-news\"], \"translationOf\": \"" + italian + "\"}");
        assertThat(foreign.status()).isEqualTo(422);
    }

    @Test
    void aCorrectionOfTheSourceFlagsEveryOtherVersionUntilItIsRevised() {
        String italian = released("Pattinaggio, la finale");
        String chinese = coproduceTranslation(italpress, "zh-Hans", "花样滑冰决赛", italian);
        String english = coproduceTranslation(cctv, "en", "Figure skating, the final", italian);
        assertThat(translations(italian, italpress)).allSatisfy(m -> assertThat(m.get("needsUpdate").asBoolean()).isFalse());

        node.put("/v1/items/" + italian, italpress, reviseBody(ninjs("it", "Pattinaggio, la finale (corretto)"), "correction"));
        approve(italpress, italian, 2);
        approve(cctv, italian, 2);
        assertThat(translations(italian, cctv)).allSatisfy(m -> assertThat(m.get("needsUpdate").asBoolean()).isTrue());

        node.put("/v1/items/" + english, cctv, reviseBody(ninjs("en", "Figure skating, the final (corrected)"), "correction"));
        approve(italpress, english, 2);
        approve(cctv, english, 2);
        JsonNode after = translations(italian, italpress);
        assertThat(after).filteredOn(m -> m.get("id").asString().equals(english)).allSatisfy(m -> assertThat(m.get("needsUpdate").asBoolean()).isFalse());
        assertThat(after).filteredOn(m -> m.get("id").asString().equals(chinese)).allSatisfy(m -> assertThat(m.get("needsUpdate").asBoolean()).isTrue());
    }

    @Test
    void aKillOfTheWholeSetReachesEveryRecipientOfEveryVersion() {
        String italian = released("Curling, semifinale");
        coproduceTranslation(cctv, "zh-Hans", "冰壶半决赛", italian);
        coproduceTranslation(italpress, "en", "Curling, semi-final", italian);
        TestNode.Answer killed = node.delete("/v1/items/" + italian, cctv, "{\"reason\": \"legal: athletes' image rights\", \"languageVersions\": \"all\"}");
        assertThat(killed.status()).as(killed.raw().body()).isEqualTo(200);
        assertThat(killed.json().get("items")).hasSize(3).allSatisfy(r -> assertThat(r.get("event").asString()).isEqualTo("killed"));
        for (String partner : List.of("rai", "kbs")) {
            assertThat(feed(partner)).contains("killed:Curling, semifinale", "killed:冰壶半决赛", "killed:Curling, semi-final");
        }
    }

    @Test
    void publishingTheAskedLanguageVersionClosesItsTaskOnly() {
        String italian = released("Skeleton, the women's final");
        String chinese = task(italian, "zh-Hans");
        String japanese = task(italian, "ja");
        String translation = coproduceTranslation(cctv, "zh-hans", "钢架雪车女子决赛", italian);
        assertThat(node.get("/v1/items/" + translation, cctv).status()).as("released").isEqualTo(200);

        TestNode.Answer done = node.get("/v1/translation-tasks/" + chinese, italpress);
        assertThat(done.json().get("state").asString()).isEqualTo("done");
        assertThat(done.json().has("doneAt")).isTrue();
        assertThat(node.get("/v1/translation-tasks/" + japanese, italpress).json().get("state").asString()).isEqualTo("open");
    }

    static String task(String item, String language) {
        TestNode.Answer task = node.post("/v1/translation-tasks", italpress,
                "{\"item\": \"" + item + "\", \"language\": \"" + language + "\", \"assignee\": \"cctv-plus\"}");
        assertThat(task.status()).as(task.raw().body()).isEqualTo(201);
        return task.json().get("id").asString();
    }

    @Test
    void translationTasksAreAssignedToAPartyListedForTheDeskAndMarkedDone() {
        String italian = released("Bobsleigh, the two-man final");
        TestNode.Answer task = node.post("/v1/translation-tasks", italpress,
                "{\"item\": \"" + italian + "\", \"language\": \"zh-Hans\", \"assignee\": \"cctv-plus\", \"due\": \"2026-02-16T18:00:00Z\"}");
        assertThat(task.status()).as(task.raw().body()).isEqualTo(201);
        assertThat(task.json().get("state").asString()).isEqualTo("open");
        String id = task.json().get("id").asString();

        assertThat(node.get("/v1/translation-tasks?state=open", cctv).json().get("items")).extracting(t -> t.get("id").asString()).contains(id);
        assertThat(node.get("/v1/translation-tasks/" + id, keys.editor("outsider")).status()).isEqualTo(404);
        assertThat(node.get("/v1/translation-tasks", keys.editor("outsider")).json().get("items").toString()).doesNotContain(id);
        TestNode.Answer done = node.post("/v1/translation-tasks/" + id + "/done", cctv, "");
        assertThat(done.json().get("state").asString()).isEqualTo("done");
        assertThat(node.get("/v1/translation-tasks?state=open", italpress).json().get("items").toString()).doesNotContain(id);

        TestNode.Answer outsider = node.post("/v1/translation-tasks", italpress,
                "{\"item\": \"" + italian + "\", \"language\": \"ja\", \"assignee\": \"outsider\"}");
        assertThat(outsider.status()).isEqualTo(422);
        assertThat(outsider.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/assignee");
    }
}

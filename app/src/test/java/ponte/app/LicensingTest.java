package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.app.Networks.aNetwork;
import static ponte.app.TestNode.ninjs;
import static ponte.app.TestNode.publishBody;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.core.fixtures.MovableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Agreements and licences as machines enforce them: territories, languages, windows, embargoes, approvals, explain, and
 * a partner polling its feed with If-None-Match meeting a licence's end, an embargo's lapse and a suspension at once.
 */
class LicensingTest {
    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    @TempDir
    Path dataDir;

    MovableClock clock = new MovableClock(T0);
    TestNode node;
    String agencyEditor;
    String agencyAdmin;
    String koreaPartner;
    String koreaAdmin;
    String kenyaPartner;
    String kenyaAdmin;

    @BeforeEach
    void network() throws Exception {
        node = new TestNode(dataDir, clock);
        Networks.Keys keys = aNetwork(node)
                .agency("agency", "CN").withKey("admin").withProducts("video")
                .partner("korea-tv", "KR").withKey("admin")
                .partner("kenya-tv", "KE").withKey("admin")
                .build();
        agencyEditor = keys.editor("agency");
        agencyAdmin = keys.key("agency", "admin");
        koreaPartner = keys.partner("korea-tv");
        koreaAdmin = keys.key("korea-tv", "admin");
        kenyaPartner = keys.partner("kenya-tv");
        kenyaAdmin = keys.key("kenya-tv", "admin");
    }

    @AfterEach
    void stop() throws Exception {
        node.close();
    }

    // --- arranging ---

    private String grant(String licensee, String territories, String languages, String delay) {
        return "{\"licensor\":\"agency\",\"licensee\":\"" + licensee + "\",\"products\":[\"video\"],\"territories\":" + territories
                + (languages == null ? "" : ",\"languages\":" + languages) + ",\"embargoDelay\":\"" + delay + "\"}";
    }

    private TestNode.Answer propose(String id, String parties, String validTo, String... grants) {
        String body = "{\"id\":\"" + id + "\",\"title\":\"Terms " + id + "\",\"parties\":" + parties + ",\"validFrom\":\"2026-01-01T00:00:00Z\""
                + (validTo == null ? "" : ",\"validTo\":\"" + validTo + "\"") + ",\"grants\":[" + String.join(",", grants) + "]}";
        TestNode.Answer a = node.post("/v1/agreements", agencyEditor, body);
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
        return a;
    }

    private void activate(String id, String... adminKeys) {
        for (String key : adminKeys) {
            TestNode.Answer a = node.post("/v1/agreements/" + id + "/approve", key, "");
            assertThat(a.status()).as(a.raw().body()).isEqualTo(200);
        }
    }

    private void agreementWithKorea(String territories, String languages, String delay) {
        propose("a-korea", "[\"agency\",\"korea-tv\"]", null, grant("korea-tv", territories, languages, delay));
        activate("a-korea", agencyAdmin, koreaAdmin);
    }

    private JsonNode publish(ObjectNode ninjs, String rights) {
        ObjectNode body = (ObjectNode) ponte.formats.NinjsWriter.mapper().readTree(publishBody(ninjs, "video"));
        if (rights != null) {
            body.set("rights", ponte.formats.NinjsWriter.mapper().readTree(rights));
        }
        TestNode.Answer a = node.post("/v1/items", agencyEditor, body.toString());
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
        return a.json();
    }

    private List<String> headlines(String partnerKey) {
        List<String> out = new ArrayList<>();
        node.get("/v1/feed?limit=500", partnerKey).json().get("entries")
                .forEach(e -> out.add(e.get("event").asString() + ":" + e.get("item").get("headlines").get(0).get("value").asString()));
        return out;
    }

    private List<String> reasons(String itemId, String partner) {
        TestNode.Answer a = node.get("/v1/items/" + itemId + "/explain?partner=" + partner, agencyEditor);
        assertThat(a.status()).as(a.raw().body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        a.json().get("licences").forEach(l -> l.get("reasons").forEach(r -> out.add(r.asString())));
        return out;
    }

    // --- territories ---

    @Test
    void partnerOutsideLicensedTerritoryNeverSeesItem() {
        agreementWithKorea("{\"include\":[\"*\"],\"exclude\":[\"KR\"]}", null, "PT0S");
        String id = publish(ninjs("en", "Worldwide except Korea"), null).get("id").asString();
        assertThat(headlines(koreaPartner)).isEmpty();
        assertThat(node.get("/v1/items/" + id, koreaPartner).status()).isEqualTo(404);
        assertThat(reasons(id, "korea-tv")).anyMatch(r -> r.contains("territory KR excluded by the licence"));
    }

    @Test
    void licenceIncludeListAdmitsThePartnersCountry() {
        agreementWithKorea("{\"include\":[\"KR\",\"JP\"]}", null, "PT0S");
        publish(ninjs("en", "Korea and Japan"), null);
        assertThat(headlines(koreaPartner)).containsExactly("published:Korea and Japan");
    }

    @Test
    void itemRightsExcludeATerritoryEvenWhenTheLicenceAllowsIt() {
        agreementWithKorea("{\"include\":[\"*\"]}", null, "PT0S");
        String id = publish(ninjs("en", "Not for Korea"), "{\"territories\":{\"include\":[\"*\"],\"exclude\":[\"KR\"]}}").get("id").asString();
        assertThat(headlines(koreaPartner)).isEmpty();
        assertThat(reasons(id, "korea-tv")).anyMatch(r -> r.contains("territory KR excluded by the item's rights"));
    }

    // --- languages ---

    @Test
    void languageOutsideTheLicenceIsRefused() {
        agreementWithKorea("{\"include\":[\"KR\"]}", "[\"ko\",\"en\"]", "PT0S");
        String zh = publish(ninjs("zh-Hans", "中文稿件"), null).get("id").asString();
        publish(ninjs("en", "English version"), null);
        assertThat(headlines(koreaPartner)).containsExactly("published:English version");
        assertThat(reasons(zh, "korea-tv")).anyMatch(r -> r.contains("language zh-Hans not licensed"));
    }

    // --- embargo ---

    @Test
    void embargoLapseReleasesTheItemIntoTheFeedAtThatPointOfTheLog() {
        agreementWithKorea("{\"include\":[\"*\"]}", null, "PT0S");
        ObjectNode embargoed = ninjs("en", "Embargoed");
        embargoed.put("embargoedUntil", T0.plus(Duration.ofHours(1)).toString());
        String id = publish(embargoed, null).get("id").asString();
        publish(ninjs("en", "Before the lapse"), null);
        assertThat(headlines(koreaPartner)).containsExactly("published:Before the lapse");
        assertThat(node.get("/v1/items/" + id, koreaPartner).status()).isEqualTo(404);
        assertThat(node.get("/v1/items/" + id, agencyEditor).status()).isEqualTo(200); // its owner still sees it
        assertThat(reasons(id, "korea-tv")).anyMatch(r -> r.startsWith("embargoed until 2026-03-01T09:00:00Z"));

        clock.advance(Duration.ofMinutes(61));
        node.handle().releaseDue();
        publish(ninjs("en", "After the lapse"), null);

        assertThat(headlines(koreaPartner)).containsExactly("published:Before the lapse", "published:Embargoed", "published:After the lapse");
        assertThat(node.get("/v1/items/" + id, koreaPartner).status()).isEqualTo(200);
    }

    @Test
    void embargoDelayHoldsTheItemForThatLicenceOnly() {
        agreementWithKorea("{\"include\":[\"*\"]}", null, "PT15M");
        propose("a-kenya", "[\"agency\",\"kenya-tv\"]", null, grant("kenya-tv", "{\"include\":[\"*\"]}", null, "PT0S"));
        activate("a-kenya", agencyAdmin, kenyaAdmin);
        publish(ninjs("en", "Delayed for Korea"), null);
        assertThat(headlines(kenyaPartner)).containsExactly("published:Delayed for Korea");
        assertThat(headlines(koreaPartner)).isEmpty();
        clock.advance(Duration.ofMinutes(15));
        node.handle().releaseDue();
        assertThat(headlines(koreaPartner)).containsExactly("published:Delayed for Korea");
    }

    // --- approvals ---

    @Test
    void agreementNeedsEveryPartysApprovalAndLosesItOnChange() {
        propose("a-korea", "[\"agency\",\"korea-tv\"]", null, grant("korea-tv", "{\"include\":[\"*\"]}", null, "PT0S"));
        activate("a-korea", agencyAdmin);
        String first = publish(ninjs("en", "While awaiting Korea's approval"), null).get("id").asString();
        assertThat(headlines(koreaPartner)).isEmpty();
        assertThat(reasons(first, "korea-tv")).anyMatch(r -> r.contains("not approved by korea-tv"));
        assertThat(node.get("/v1/agreements/a-korea", koreaPartner).json().get("state").asString()).isEqualTo("draft");

        activate("a-korea", koreaAdmin);
        assertThat(node.get("/v1/agreements/a-korea", koreaPartner).json().get("state").asString()).isEqualTo("active");
        node.handle().releaseDue(); // the licence started: the week's items are released to the new licensee
        publish(ninjs("en", "Once active"), null);
        assertThat(headlines(koreaPartner)).containsExactly("published:While awaiting Korea's approval", "published:Once active");

        String amended = "{\"title\":\"Amended\",\"parties\":[\"agency\",\"korea-tv\"],\"grants\":[" + grant("korea-tv", "{\"include\":[\"KR\"]}", null, "PT0S") + "]}";
        TestNode.Answer change = node.put("/v1/agreements/a-korea", agencyEditor, amended);
        assertThat(change.status()).as(change.raw().body()).isEqualTo(200);
        assertThat(change.json().get("version").asInt()).isEqualTo(2);
        assertThat(change.json().get("state").asString()).isEqualTo("draft");
        assertThat(change.json().get("approvedBy")).isEmpty();
        publish(ninjs("en", "After the amendment"), null);
        assertThat(headlines(koreaPartner)).doesNotContain("published:After the amendment");
        assertThat(node.get("/v1/agreements/a-korea/versions", agencyEditor).json().get("items")).hasSize(2);
    }

    @Test
    void onlyAPartysAdminApprovesAndOutsidersDoNotSeeTheAgreement() {
        propose("a-korea", "[\"agency\",\"korea-tv\"]", null, grant("korea-tv", "{\"include\":[\"*\"]}", null, "PT0S"));
        assertThat(node.post("/v1/agreements/a-korea/approve", koreaPartner, "").status()).isEqualTo(403);
        assertThat(node.post("/v1/agreements/a-korea/approve", kenyaAdmin, "").status()).isEqualTo(404);
        assertThat(node.get("/v1/agreements/a-korea", kenyaPartner).status()).isEqualTo(404);
        assertThat(node.post("/v1/agreements/a-korea/approve", koreaAdmin, "{\"version\": 7}").status()).isEqualTo(409);
    }

    // --- windows ---

    @Test
    void expiryStopsNewItemsButAKillStillReachesThePartner() {
        propose("a-korea", "[\"agency\",\"korea-tv\"]", "2026-03-02T00:00:00Z", grant("korea-tv", "{\"include\":[\"*\"]}", null, "PT0S"));
        activate("a-korea", agencyAdmin, koreaAdmin);
        String id = publish(ninjs("en", "Before expiry"), null).get("id").asString();
        clock.advance(Duration.ofDays(1));
        assertThat(node.get("/v1/agreements/a-korea", koreaPartner).json().get("state").asString()).isEqualTo("ended");
        String late = publish(ninjs("en", "After expiry"), null).get("id").asString();
        assertThat(reasons(late, "korea-tv")).anyMatch(r -> r.startsWith("licence expired on 2026-03-02T00:00:00Z"));
        assertThat(node.delete("/v1/items/" + id, agencyEditor, "{\"reason\":\"rights dispute\"}").status()).isEqualTo(200);
        // The licence has ended, so the gate no longer shows the published entry; the kill reaches the partner anyway.
        assertThat(headlines(koreaPartner)).containsExactly("killed:Before expiry");
        assertThat(node.get("/v1/items/" + id, koreaPartner).json().get("pubStatus").asString()).isEqualTo("canceled");
        assertThat(node.get("/v1/items/" + late, koreaPartner).status()).isEqualTo(404);
    }

    @Test
    void renewalExtendsTheWindowOnceApprovedAgain() {
        propose("a-korea", "[\"agency\",\"korea-tv\"]", "2026-03-02T00:00:00Z", grant("korea-tv", "{\"include\":[\"*\"]}", null, "PT0S"));
        activate("a-korea", agencyAdmin, koreaAdmin);
        clock.advance(Duration.ofDays(2));
        TestNode.Answer renewed = node.post("/v1/agreements/a-korea/renew", agencyEditor, "{\"validTo\":\"2027-03-01T00:00:00Z\"}");
        assertThat(renewed.status()).as(renewed.raw().body()).isEqualTo(200);
        assertThat(renewed.json().get("state").asString()).isEqualTo("draft");
        activate("a-korea", agencyAdmin, koreaAdmin);
        publish(ninjs("en", "After renewal"), null);
        assertThat(headlines(koreaPartner)).containsExactly("published:After renewal");
    }

    @Test
    void shorthandLicenceIsAUnilateralAgreementInForceAtOnce() {
        node.licence(agencyEditor, "kenya-tv", "video");
        publish(ninjs("sw", "Habari"), null);
        assertThat(headlines(kenyaPartner)).containsExactly("published:Habari");
        JsonNode agreements = node.get("/v1/agreements", agencyEditor).json().get("items");
        assertThat(agreements).hasSize(1);
        assertThat(agreements.get(0).get("parties")).hasSize(1);
        assertThat(agreements.get(0).get("state").asString()).isEqualTo("active");
    }

    @Test
    void partnerReceivesTheTermsInsideNinjs() {
        agreementWithKorea("{\"include\":[\"*\"],\"exclude\":[\"JP\"]}", "[\"en\"]", "PT0S");
        String id = publish(ninjs("en", "With terms"), null).get("id").asString();
        JsonNode item = node.get("/v1/items/" + id, koreaPartner).json();
        assertThat(item.get("usageTerms").asString()).contains("JP");
        assertThat(item.get("rightsInfo").get("encodedRights").asString()).contains("odrl").contains("JP");
    }

    @Test
    void badAgreementsAre422AndChangeNothing() {
        TestNode.Answer a = node.post("/v1/agreements", agencyEditor, "{\"id\":\"bad\",\"title\":\"Bad\",\"parties\":[\"agency\"],\"grants\":["
                + "{\"licensor\":\"agency\",\"licensee\":\"korea-tv\",\"products\":[\"video\"],\"territories\":{\"include\":[\"XX\"]}}]}");
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.json().get("errors").get(0).get("pointer").asString()).startsWith("/grants/0/territories");
        TestNode.Answer b = node.post("/v1/agreements", agencyEditor, "{\"id\":\"bad\",\"title\":\"Bad\",\"parties\":[\"agency\"],\"grants\":["
                + "{\"licensor\":\"korea-tv\",\"licensee\":\"agency\",\"products\":[\"video\"]}]}");
        assertThat(b.status()).isEqualTo(422);
        assertThat(node.get("/v1/agreements/bad", agencyEditor).status()).isEqualTo(404);
    }

    @Test
    void anExclusiveGrantKeepsOverlappingGrantsFromTakingEffect() {
        String plain = grant("korea-tv", "{\"include\":[\"KR\"]}", null, "PT0S");
        String exclusive = plain.substring(0, plain.length() - 1) + ",\"exclusive\":true}";
        propose("a-korea", "[\"agency\",\"korea-tv\"]", null, exclusive);
        activate("a-korea", agencyAdmin, koreaAdmin);
        propose("a-kenya", "[\"agency\",\"kenya-tv\"]", null, grant("kenya-tv", "{\"include\":[\"*\"]}", null, "PT0S"));
        activate("a-kenya", kenyaAdmin);
        TestNode.Answer refused = node.post("/v1/agreements/a-kenya/approve", agencyAdmin, "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("a-korea");
        assertThat(node.get("/v1/agreements/a-kenya", kenyaPartner).json().get("state").asString()).isEqualTo("draft");
    }

    // --- conditional requests: the gate's answers for a page are reused until one could change, not an instant longer ---

    private static final Instant LICENCE_ENDS = Instant.parse("2026-03-02T00:00:00Z");

    private TestNode.Answer koreaFeedIfNoneMatch(String etag) {
        return node.send("GET", "/v1/feed", koreaPartner, null, new byte[0], "If-None-Match", etag);
    }

    @Test
    void endedLicenceTakesTheEntryOutOfTheFeedAtItsInstantEvenForARepeatedConditionalRequest() {
        propose("a-korea", "[\"agency\",\"korea-tv\"]", LICENCE_ENDS.toString(), grant("korea-tv", "{\"include\":[\"*\"]}", null, "PT0S"));
        activate("a-korea", agencyAdmin, koreaAdmin);
        String id = publish(ninjs("en", "Before the end"), null).get("id").asString();
        TestNode.Answer first = node.get("/v1/feed", koreaPartner);
        assertThat(first.json().get("entries")).hasSize(1);
        String etag = first.header("ETag");

        clock.advance(Duration.between(T0, LICENCE_ENDS).minusNanos(1));
        for (int i = 0; i < 3; i++) {
            assertThat(koreaFeedIfNoneMatch(etag).status()).as("a nanosecond before the end, request " + i).isEqualTo(304);
        }
        assertThat(node.get("/v1/items/" + id, koreaPartner).status()).isEqualTo(200);

        clock.advance(Duration.ofNanos(1));
        TestNode.Answer atTheEnd = koreaFeedIfNoneMatch(etag);
        assertThat(atTheEnd.status()).isEqualTo(200);
        assertThat(atTheEnd.header("ETag")).isNotEqualTo(etag);
        assertThat(atTheEnd.json().get("entries")).isEmpty();
        assertThat(node.get("/v1/items/" + id, koreaPartner).status()).isEqualTo(404);
        assertThat(koreaFeedIfNoneMatch(atTheEnd.header("ETag")).status()).isEqualTo(304);
    }

    @Test
    void lapsedEmbargoReleasesTheItemIntoAPageThatAnswered304Before() {
        agreementWithKorea("{\"include\":[\"*\"]}", null, "PT0S");
        Instant lapse = T0.plus(Duration.ofHours(1));
        ObjectNode embargoed = ninjs("en", "Embargoed");
        embargoed.put("embargoedUntil", lapse.toString());
        publish(embargoed, null);
        publish(ninjs("en", "Before the lapse"), null);
        String etag = node.get("/v1/feed", koreaPartner).header("ETag");

        clock.advance(Duration.between(T0, lapse).minusNanos(1));
        node.handle().releaseDue();
        assertThat(koreaFeedIfNoneMatch(etag).status()).isEqualTo(304);

        clock.advance(Duration.ofNanos(1));
        node.handle().releaseDue();
        TestNode.Answer released = koreaFeedIfNoneMatch(etag);
        assertThat(released.status()).isEqualTo(200);
        assertThat(released.json().get("entries")).hasSize(2);
        assertThat(released.json().get("entries").get(1).get("item").get("headlines").get(0).get("value").asString()).isEqualTo("Embargoed");
    }

    @Test
    void suspensionTakesEffectOnTheNextConditionalRequestAndAKillStillReachesThePartner() {
        agreementWithKorea("{\"include\":[\"*\"]}", null, "PT0S");
        String id = publish(ninjs("en", "Before the suspension"), null).get("id").asString();
        String etag = node.get("/v1/feed", koreaPartner).header("ETag");
        assertThat(koreaFeedIfNoneMatch(etag).status()).isEqualTo(304);

        assertThat(node.post("/v1/agreements/a-korea/suspend", koreaAdmin, "").status()).isEqualTo(200);
        TestNode.Answer suspended = koreaFeedIfNoneMatch(etag);
        assertThat(suspended.status()).isEqualTo(200);
        assertThat(suspended.json().get("entries")).isEmpty();

        assertThat(node.delete("/v1/items/" + id, agencyEditor, "{\"reason\":\"rights dispute\"}").status()).isEqualTo(200);
        TestNode.Answer killed = koreaFeedIfNoneMatch(suspended.header("ETag"));
        assertThat(killed.status()).isEqualTo(200);
        assertThat(killed.json().get("entries")).hasSize(1);
        assertThat(killed.json().get("entries").get(0).get("event").asString()).isEqualTo("killed");
    }

    @Test
    void resumedAgreementServesTheSamePageUnderTheSameTagAgain() {
        agreementWithKorea("{\"include\":[\"*\"]}", null, "PT0S");
        publish(ninjs("en", "Through a suspension"), null);
        String etag = node.get("/v1/feed", koreaPartner).header("ETag");
        assertThat(node.post("/v1/agreements/a-korea/suspend", koreaAdmin, "").status()).isEqualTo(200);
        assertThat(koreaFeedIfNoneMatch(etag).status()).isEqualTo(200);
        assertThat(node.post("/v1/agreements/a-korea/resume", koreaAdmin, "").status()).isEqualTo(200);
        assertThat(koreaFeedIfNoneMatch(etag).status()).isEqualTo(304);
    }
}

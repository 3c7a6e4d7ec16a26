package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.app.TestNode.ninjs;
import static ponte.app.TestNode.publishBody;
import static ponte.app.TestNode.reviseBody;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ponte.formats.NinjsWriter;
import org.junit.jupiter.api.io.TempDir;
import ponte.core.audit.Action;
import ponte.core.fixtures.MovableClock;
import ponte.delivery.DeliverySettings;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail over the API: every kind of change is recorded with who made it (org and key id, or the operator),
 * when, what and from which address; an org's admins read what concerns their org, the operator everything, and
 * nobody changes it. The node stands behind a proxy it trusts (this machine), so each request names its client in
 * X-Forwarded-For, as a real proxy would.
 */
class AuditTrailTest {
    private static final Instant T0 = Instant.parse("2026-04-01T09:00:00Z");
    /** Nothing listens there: endpoints and sources are only managed here, never reached. */
    private static final String NOWHERE = "http://127.0.0.1:9";

    @TempDir
    Path dataDir;
    private final MovableClock clock = new MovableClock(T0);
    private TestNode node;

    @BeforeEach
    void start() throws Exception {
        node = new TestNode(TestDatabase.settingsFor(dataDir, TestNode.ADMIN).behind(List.of("127.0.0.1")), clock,
                DeliverySettings.defaults().allowingPrivate(true));
    }

    @AfterEach
    void stop() throws Exception {
        node.close();
    }

    /** Who acts: how the trail names them (kind, org, key id), the address they call from, and their secret. */
    record Who(String kind, String org, String keyId, String address, String secret) {}

    /** An entry the walk expects, newest last. */
    record Expected(String action, String targetType, String target, Who who, Instant at) {}

    private final List<Expected> expected = new ArrayList<>();

    /** One change by {@code who}, a minute after the last, from {@code who}'s address; answers the 2xx answer. */
    private TestNode.Answer act(Who who, Supplier<TestNode.Answer> call) {
        clock.advance(Duration.ofMinutes(1));
        node.forwardFor(who.address());
        TestNode.Answer a = call.get();
        assertThat(a.status()).as(a.raw().body()).isBetween(200, 299);
        return a;
    }

    private void expect(Action action, String target, Who who) {
        expected.add(new Expected(action.wire(), action.targetType(), target, who, clock.instant()));
    }

    private Who keyOf(String org, String role, String address, Who issuer) {
        TestNode.Answer issued = act(issuer, () -> node.post("/v1/orgs/" + org + "/keys", issuer.secret(), "{\"role\":\"" + role + "\"}"));
        Who who = new Who("key", org, issued.json().get("id").asString(), address, issued.json().get("key").asString());
        expect(Action.KEY_ISSUE, who.keyId(), issuer);
        return who;
    }

    private void org(Who operator, String id, String country) {
        act(operator, () -> node.post("/v1/orgs", operator.secret(), "{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"kind\":\"agency\",\"country\":\"" + country + "\"}"));
        expect(Action.ORG_REGISTER, id, operator);
    }

    private static String terms(String title, String validTo) {
        return "\"title\":\"" + title + "\",\"parties\":[\"ansa\",\"kbs\"],\"validTo\":\"" + validTo + "\",\"grants\":[{\"licensor\":\"ansa\","
                + "\"licensee\":\"kbs\",\"products\":[\"wire\"],\"territories\":{\"include\":[\"KR\"]}}]";
    }

    private List<JsonNode> trail(String key, String query) {
        TestNode.Answer a = node.get("/v1/audit" + query, key);
        assertThat(a.status()).as(a.raw().body()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        a.json().get("items").forEach(out::add);
        return out;
    }

    @Test
    void everyKindOfChangeIsRecordedWithWhoWhenAndFromWhere() {
        Who operator = new Who("operator", null, null, "192.0.2.1", TestNode.ADMIN);
        org(operator, "ansa", "IT");
        org(operator, "kbs", "KR");
        Who ansaAdmin = keyOf("ansa", "admin", "198.51.100.11", operator);
        Who ansaEditor = keyOf("ansa", "editor", "198.51.100.12", ansaAdmin);
        Who kbsAdmin = keyOf("kbs", "admin", "2001:db8:0:0:0:0:0:5", operator);
        Who kbsPartner = keyOf("kbs", "partner", "203.0.113.6", kbsAdmin);
        Who spare = keyOf("kbs", "editor", "203.0.113.7", kbsAdmin);

        act(ansaAdmin, () -> node.post("/v1/orgs/ansa/outlets", ansaAdmin.secret(), "{\"name\":\"ANSA English\",\"kind\":\"web\",\"country\":\"GB\"}"));
        expect(Action.OUTLET_ADD, "ansa", ansaAdmin);
        act(kbsAdmin, () -> node.delete("/v1/orgs/kbs/keys/" + spare.keyId(), kbsAdmin.secret(), ""));
        expect(Action.KEY_REVOKE, spare.keyId(), kbsAdmin);
        act(ansaEditor, () -> node.post("/v1/products", ansaEditor.secret(), "{\"id\":\"wire\",\"name\":\"Wire\"}"));
        expect(Action.PRODUCT_REGISTER, "wire", ansaEditor);

        // An agreement through its whole life, and the licence shorthand.
        act(ansaEditor, () -> node.post("/v1/agreements", ansaEditor.secret(), "{\"id\":\"ansa-kbs\"," + terms("Wire to KBS", "2027-01-01T00:00:00Z") + "}"));
        expect(Action.AGREEMENT_PROPOSE, "ansa-kbs", ansaEditor);
        act(ansaEditor, () -> node.put("/v1/agreements/ansa-kbs", ansaEditor.secret(), "{" + terms("Wire to KBS, amended", "2027-01-01T00:00:00Z") + "}"));
        expect(Action.AGREEMENT_AMEND, "ansa-kbs", ansaEditor);
        act(ansaAdmin, () -> node.post("/v1/agreements/ansa-kbs/approve", ansaAdmin.secret(), ""));
        expect(Action.AGREEMENT_APPROVE, "ansa-kbs", ansaAdmin);
        act(kbsAdmin, () -> node.post("/v1/agreements/ansa-kbs/approve", kbsAdmin.secret(), ""));
        expect(Action.AGREEMENT_APPROVE, "ansa-kbs", kbsAdmin);
        act(ansaEditor, () -> node.post("/v1/agreements/ansa-kbs/renew", ansaEditor.secret(), "{\"validTo\":\"2028-01-01T00:00:00Z\"}"));
        expect(Action.AGREEMENT_RENEW, "ansa-kbs", ansaEditor);
        act(kbsAdmin, () -> node.post("/v1/agreements/ansa-kbs/suspend", kbsAdmin.secret(), ""));
        expect(Action.AGREEMENT_SUSPEND, "ansa-kbs", kbsAdmin);
        act(kbsAdmin, () -> node.post("/v1/agreements/ansa-kbs/resume", kbsAdmin.secret(), ""));
        expect(Action.AGREEMENT_RESUME, "ansa-kbs", kbsAdmin);
        JsonNode licence = act(ansaEditor, () -> node.post("/v1/licences", ansaEditor.secret(), "{\"licensee\":\"kbs\",\"products\":[\"wire\"]}")).json();
        expect(Action.LICENCE_OFFER, licence.has("agreement") ? licence.get("agreement").asString() : licence.get("id").asString(), ansaEditor);

        // A co-production proposed, amended and approved by both parties.
        String plan = "\"title\":\"Joint special\",\"agreement\":\"ansa-kbs\",\"framework\":\"coe-2017-bilateral\",\"parties\":["
                + "{\"org\":\"ansa\",\"function\":\"lead\",\"share\":50},{\"org\":\"kbs\",\"function\":\"co-producer\",\"share\":50}]";
        act(ansaEditor, () -> node.post("/v1/coproductions", ansaEditor.secret(), "{\"id\":\"joint\"," + plan + "}"));
        expect(Action.COPRODUCTION_PROPOSE, "joint", ansaEditor);
        act(ansaEditor, () -> node.put("/v1/coproductions/joint", ansaEditor.secret(), "{" + plan.replace("Joint special", "Joint specials") + "}"));
        expect(Action.COPRODUCTION_AMEND, "joint", ansaEditor);
        act(ansaAdmin, () -> node.post("/v1/coproductions/joint/approve", ansaAdmin.secret(), ""));
        expect(Action.COPRODUCTION_APPROVE, "joint", ansaAdmin);
        act(kbsAdmin, () -> node.post("/v1/coproductions/joint/approve", kbsAdmin.secret(), ""));
        expect(Action.COPRODUCTION_APPROVE, "joint", kbsAdmin);

        // A co-produced item drafted, rejected, drafted again and approved by both parties: released.
        act(ansaEditor, () -> node.post("/v1/products", ansaEditor.secret(), "{\"id\":\"joint-wire\",\"name\":\"Joint\"}"));
        expect(Action.PRODUCT_REGISTER, "joint-wire", ansaEditor);
        Who kbsEditor = keyOf("kbs", "editor", "203.0.113.8", kbsAdmin);
        String joint = act(ansaEditor, () -> node.post("/v1/items", ansaEditor.secret(), "{\"ninjs\":" + ninjs("it", "Insieme")
                + ",\"products\":[\"joint-wire\"],\"coproduction\":\"joint\"}")).json().get("id").asString();
        expect(Action.ITEM_DRAFT, joint, ansaEditor);
        act(kbsEditor, () -> node.post("/v1/items/" + joint + "/reject", kbsEditor.secret(), "{\"version\":1,\"comment\":\"title\"}"));
        expect(Action.ITEM_REJECT, joint, kbsEditor);
        act(kbsEditor, () -> node.put("/v1/items/" + joint, kbsEditor.secret(), reviseBody(ninjs("it", "Insieme, ancora"), "update")));
        expect(Action.ITEM_DRAFT, joint, kbsEditor);
        act(kbsEditor, () -> node.post("/v1/items/" + joint + "/approve", kbsEditor.secret(), "{\"version\":2}"));
        expect(Action.ITEM_APPROVE, joint, kbsEditor);
        act(ansaEditor, () -> node.post("/v1/items/" + joint + "/approve", ansaEditor.secret(), "{\"version\":2}"));
        expect(Action.ITEM_APPROVE, joint, ansaEditor);
        expect(Action.ITEM_PUBLISH, joint, ansaEditor); // the last approval releases it, in the approver's name

        // A translation task assigned and done.
        String task = act(ansaEditor, () -> node.post("/v1/translation-tasks", ansaEditor.secret(), "{\"item\":\"" + joint
                + "\",\"language\":\"ko\",\"assignee\":\"kbs\"}")).json().get("id").asString();
        expect(Action.TRANSLATION_TASK_ASSIGN, task, ansaEditor);
        act(kbsEditor, () -> node.post("/v1/translation-tasks/" + task + "/done", kbsEditor.secret(), ""));
        expect(Action.TRANSLATION_TASK_DONE, task, kbsEditor);

        // An item published, updated, corrected and killed.
        String item = act(ansaEditor, () -> node.post("/v1/items", ansaEditor.secret(), publishBody(ninjs("it", "Prima"), "wire"))).json().get("id").asString();
        expect(Action.ITEM_PUBLISH, item, ansaEditor);
        act(ansaEditor, () -> node.put("/v1/items/" + item, ansaEditor.secret(), reviseBody(ninjs("it", "Seconda"), "update")));
        expect(Action.ITEM_UPDATE, item, ansaEditor);
        act(ansaEditor, () -> node.put("/v1/items/" + item, ansaEditor.secret(), reviseBody(ninjs("it", "Terza").put("usageTerms", "Promozione pagata da ANSA.").put("expires", "2040-01-01T00:00:00Z")
                .set("infoSources", NinjsWriter.mapper().readTree("[{\"name\":\"ANSA\",\"role\":\"sponsor\"}]")), "correction")));
        expect(Action.ITEM_CORRECT, item, ansaEditor);
        // A campaign of the item on KBS's web site, and a change of it.
        String kbsWeb = act(kbsAdmin, () -> node.post("/v1/orgs/kbs/outlets", kbsAdmin.secret(), "{\"name\":\"KBS World\",\"kind\":\"web\",\"country\":\"KR\"}"))
                .json().get("id").asString();
        expect(Action.OUTLET_ADD, "kbs", kbsAdmin);
        String campaign = "\"agreement\":\"ansa-kbs\",\"items\":[\"" + item + "\"],\"channels\":[{\"id\":\"web\",\"partner\":\"kbs\",\"outlet\":\""
                + kbsWeb + "\",\"kind\":\"page\"}]";
        act(ansaEditor, () -> node.post("/v1/campaigns", ansaEditor.secret(), "{\"id\":\"italia\",\"title\":\"Italia\"," + campaign + "}"));
        expect(Action.CAMPAIGN_CREATE, "italia", ansaEditor);
        // The change adds a live channel on the same site, which a live event then uses.
        act(ansaEditor, () -> node.put("/v1/campaigns/italia", ansaEditor.secret(), "{\"title\":\"Italia!\"," + campaign.replace("\"page\"}]",
                "\"page\"},{\"id\":\"live\",\"partner\":\"kbs\",\"outlet\":\"" + kbsWeb + "\",\"kind\":\"live\"}]") + "}"));
        expect(Action.CAMPAIGN_AMEND, "italia", ansaEditor);
        act(ansaEditor, () -> node.post("/v1/live-events", ansaEditor.secret(), "{\"id\":\"italia-live\",\"campaign\":\"italia\",\"title\":\"Dal vivo\","
                + "\"startDate\":\"2026-05-21T12:00:00Z\",\"endDate\":\"2026-05-21T14:00:00Z\",\"channel\":\"live\"}"));
        expect(Action.CAMPAIGN_LIVE_EVENT, "italia", ansaEditor);
        act(ansaEditor, () -> node.post("/v1/campaigns/italia/offers", ansaEditor.secret(), "{\"id\":\"roma\",\"item\":\"" + item
                + "\",\"title\":\"Roma\",\"price\":\"120.00\",\"currency\":\"EUR\",\"bookingUrl\":\"https://booking.example/roma\"}"));
        expect(Action.CAMPAIGN_OFFER, "italia", ansaEditor);
        act(ansaEditor, () -> node.delete("/v1/items/" + item, ansaEditor.secret(), "{\"reason\":\"legal\"}"));
        expect(Action.ITEM_KILL, item, ansaEditor);

        // A webhook endpoint managed from creation to deletion.
        String hook = act(kbsPartner, () -> node.post("/v1/endpoints", kbsPartner.secret(), "{\"url\":\"" + NOWHERE + "/hook\",\"format\":\"ninjs\"}"))
                .json().get("id").asString();
        expect(Action.ENDPOINT_CREATE, hook, kbsPartner);
        act(kbsPartner, () -> node.patch("/v1/endpoints/" + hook, kbsPartner.secret(), "{\"paused\":true}"));
        expect(Action.ENDPOINT_UPDATE, hook, kbsPartner);
        act(kbsPartner, () -> node.post("/v1/endpoints/" + hook + "/rotate-secret", kbsPartner.secret(), ""));
        expect(Action.ENDPOINT_ROTATE_SECRET, hook, kbsPartner);
        act(kbsPartner, () -> node.post("/v1/endpoints/" + hook + "/replay", kbsPartner.secret(), "{\"from\":\"" + T0 + "\"}"));
        expect(Action.ENDPOINT_REPLAY, hook, kbsPartner);
        act(kbsPartner, () -> node.post("/v1/endpoints/" + hook + "/dead-letters/resend", kbsPartner.secret(), ""));
        expect(Action.ENDPOINT_RESEND, hook, kbsPartner);
        act(kbsPartner, () -> node.delete("/v1/endpoints/" + hook, kbsPartner.secret(), ""));
        expect(Action.ENDPOINT_DELETE, hook, kbsPartner);

        // An ingest source managed from registration to deletion, and an uploaded document.
        String source = act(ansaEditor, () -> node.post("/v1/ingest/sources", ansaEditor.secret(),
                "{\"url\":\"" + NOWHERE + "/wire.atom\",\"format\":\"atom\",\"intervalSeconds\":3600,\"products\":[\"wire\"]}")).json().get("id").asString();
        expect(Action.SOURCE_REGISTER, source, ansaEditor);
        act(ansaEditor, () -> node.patch("/v1/ingest/sources/" + source, ansaEditor.secret(), "{\"paused\":true}"));
        expect(Action.SOURCE_UPDATE, source, ansaEditor);
        act(ansaEditor, () -> node.post("/v1/ingest/sources/" + source + "/poll", ansaEditor.secret(), ""));
        expect(Action.SOURCE_POLL, source, ansaEditor);
        act(ansaEditor, () -> node.delete("/v1/ingest/sources/" + source, ansaEditor.secret(), ""));
        expect(Action.SOURCE_DELETE, source, ansaEditor);
        act(ansaEditor, () -> node.post("/v1/ingest/files?products=wire&format=ninjs", ansaEditor.secret(),
                "{\"uri\":\"urn:ansa:upload:1\",\"type\":\"text\",\"language\":\"it\",\"headlines\":[{\"role\":\"main\",\"value\":\"Caricato\"}]}"));
        String uploaded = node.get("/v1/audit?action=item.publish&limit=1", TestNode.ADMIN).json().get("items").get(0).get("target").get("id").asString();
        expect(Action.ITEM_PUBLISH, uploaded, ansaEditor); // each item the upload filed, in the uploader's name
        expect(Action.INGEST_FILE, "ansa", ansaEditor);
        byte[] photo = Clips.read(Clips.make(dataDir.resolve("photo.jpg"), "-f", "lavfi", "-i", "testsrc=size=64x48:duration=1", "-frames:v", "1"));
        String media = act(ansaEditor, () -> node.send("POST", "/v1/media", ansaEditor.secret(), "image/jpeg", photo)).json().get("id").asString();
        expect(Action.MEDIA_UPLOAD, media, ansaEditor);
        byte[] tone = Clips.read(Clips.make(dataDir.resolve("tone.mp3"), "-f", "lavfi", "-i", "sine=duration=1", "-c:a", "libmp3lame"));
        String sound = act(ansaEditor, () -> node.send("POST", "/v1/media", ansaEditor.secret(), "audio/mpeg", tone)).json().get("id").asString();
        expect(Action.MEDIA_UPLOAD, sound, ansaEditor);
        act(ansaEditor, () -> node.send("PUT", "/v1/media/" + sound + "/subtitles/it", ansaEditor.secret(), "text/vtt", "WEBVTT\n".getBytes()));
        expect(Action.MEDIA_SUBTITLE, sound, ansaEditor);
        act(kbsAdmin, () -> node.put("/v1/orgs/kbs/rendition-profile", kbsAdmin.secret(), "{\"renditions\":[\"proxy\"]}"));
        expect(Action.RENDITION_PROFILE_SET, "kbs", kbsAdmin);

        List<JsonNode> recorded = trail(TestNode.ADMIN, "?limit=500");

        assertThat(expected).extracting(Expected::action).containsAll(Arrays.stream(Action.values()).map(Action::wire).toList());
        assertThat(recorded).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Expected want = expected.get(expected.size() - 1 - i); // newest first
            JsonNode got = recorded.get(i);
            String what = want.action() + " on " + want.target();
            assertThat(got.get("action").asString()).as(what).isEqualTo(want.action());
            assertThat(got.get("target").get("type").asString()).as(what).isEqualTo(want.targetType());
            assertThat(got.get("target").get("id").asString()).as(what).isEqualTo(want.target());
            assertThat(got.get("recordedAt").asString()).as(what).isEqualTo(want.at().toString());
            JsonNode actor = got.get("actor");
            assertThat(actor.get("kind").asString()).as(what).isEqualTo(want.who().kind());
            assertThat(actor.get("org").isNull() ? null : actor.get("org").asString()).as(what).isEqualTo(want.who().org());
            assertThat(actor.get("keyId").isNull() ? null : actor.get("keyId").asString()).as(what).isEqualTo(want.who().keyId());
            assertThat(actor.get("address").asString()).as(what).isEqualTo(want.who().address());
            assertThat(got.get("summary").asString()).as(what).isNotBlank();
        }
    }

    @Test
    void adminsReadWhatConcernsTheirOrgAndTheAgreementsTheyArePartyTo() {
        Networks.Keys keys = Networks.aNetwork(node)
                .agency("ansa", "IT").withKey("admin").withProducts("wire")
                .partner("kbs", "KR").withKey("admin")
                .agency("efe", "ES").withKey("admin")
                .build();
        String ansaEditor = keys.editor("ansa");
        node.post("/v1/agreements", ansaEditor, "{\"id\":\"ansa-kbs\"," + terms("Wire to KBS", "2027-01-01T00:00:00Z") + "}");
        clock.advance(Duration.ofHours(1));
        Instant approvals = clock.instant();
        assertThat(node.post("/v1/agreements/ansa-kbs/approve", keys.key("ansa", "admin"), "").status()).isEqualTo(200);
        assertThat(node.post("/v1/agreements/ansa-kbs/approve", keys.key("kbs", "admin"), "").status()).isEqualTo(200);
        node.publish(ansaEditor, ninjs("it", "Solo per ANSA"), "wire");

        List<JsonNode> kbs = trail(keys.key("kbs", "admin"), "?limit=500");
        List<JsonNode> efe = trail(keys.key("efe", "admin"), "?limit=500");
        List<JsonNode> ansa = trail(keys.key("ansa", "admin"), "?limit=500");

        // KBS, a party, sees the agreement's proposal and both approvals, ANSA's among them, but not ANSA's own affairs.
        assertThat(kbs).filteredOn(e -> e.get("target").get("id").asString().equals("ansa-kbs"))
                .extracting(e -> e.get("action").asString() + " by " + e.get("actor").get("org").asString())
                .containsExactly("agreement.approve by kbs", "agreement.approve by ansa", "agreement.propose by ansa");
        assertThat(kbs).extracting(e -> e.get("action").asString()).doesNotContain("product.register", "item.publish");
        assertThat(kbs).extracting(e -> e.get("action").asString() + " " + e.get("target").get("id").asString()).contains("org.register kbs");
        // EFE deals with neither: it sees only its own registration and keys.
        assertThat(efe).isNotEmpty().allSatisfy(e -> assertThat(e.toString()).doesNotContain("ansa").doesNotContain("kbs"));
        assertThat(ansa).extracting(e -> e.get("action").asString()).contains("product.register", "item.publish", "agreement.approve");
        // Filters: by action and by time.
        assertThat(trail(keys.key("kbs", "admin"), "?action=agreement.approve")).hasSize(2);
        assertThat(trail(keys.key("ansa", "admin"), "?since=" + approvals)).extracting(e -> e.get("action").asString())
                .containsExactly("item.publish", "agreement.approve", "agreement.approve");
    }

    @Test
    void onlyAdminsAndTheOperatorReadTheTrailAndNobodyChangesIt() {
        Networks.Keys keys = Networks.aNetwork(node).agency("ansa", "IT").withKey("admin").withKey("partner").build();

        assertThat(node.get("/v1/audit", keys.editor("ansa")).status()).isEqualTo(403);
        assertThat(node.get("/v1/audit", keys.partner("ansa")).status()).isEqualTo(403);
        assertThat(node.get("/v1/audit", null).status()).isEqualTo(401);
        assertThat(node.get("/v1/audit", keys.key("ansa", "admin")).status()).isEqualTo(200);
        for (TestNode.Answer change : List.of(node.post("/v1/audit", TestNode.ADMIN, "{}"), node.put("/v1/audit", TestNode.ADMIN, "{}"),
                node.patch("/v1/audit", TestNode.ADMIN, "{}"), node.delete("/v1/audit", TestNode.ADMIN, ""))) {
            assertThat(change.status()).isEqualTo(405);
            assertThat(change.header("Allow")).isEqualTo("GET");
        }
    }

    @Test
    void theTrailPagesNewestFirstWithALinkToTheNextPage() {
        Networks.aNetwork(node).agency("a1", "IT").agency("a2", "IT").agency("a3", "IT").build();
        List<JsonNode> all = trail(TestNode.ADMIN, "?action=org.register");

        TestNode.Answer first = node.get("/v1/audit?action=org.register&limit=2", TestNode.ADMIN);
        String link = first.header("Link");
        TestNode.Answer second = node.get(link.substring(1, link.indexOf('>')), TestNode.ADMIN);

        assertThat(all).extracting(e -> e.get("target").get("id").asString()).containsExactly("a3", "a2", "a1");
        assertThat(first.json().get("items")).extracting(e -> e.get("target").get("id").asString()).containsExactly("a3", "a2");
        assertThat(link).contains("action=org.register").endsWith("; rel=\"next\"");
        assertThat(second.json().get("items")).extracting(e -> e.get("target").get("id").asString()).containsExactly("a1");
        assertThat(second.json().get("next").isNull()).as("the last page").isTrue();
        assertThat(node.get("/v1/audit?action=org.delete", TestNode.ADMIN).status()).isEqualTo(422);
        assertThat(node.get("/v1/audit?after=zz", TestNode.ADMIN).status()).isEqualTo(422);
        assertThat(node.get("/v1/audit?since=yesterday", TestNode.ADMIN).status()).isEqualTo(422);
        assertThat(node.get("/v1/audit?since=%2B999999999-12-31T23:59:59Z", TestNode.ADMIN).status()).isEqualTo(422);
        assertThat(node.get("/v1/audit?limit=0", TestNode.ADMIN).status()).isEqualTo(422);
    }
}

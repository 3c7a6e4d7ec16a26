package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.app.TestNode.ninjs;
import static ponte.app.TestNode.publishBody;
import static ponte.app.TestNode.reviseBody;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.delivery.DeliverySettings;
import tools.jackson.databind.JsonNode;

/**
 * Products, licences, organisations and an item's history, read by whoever may see them, and not found by anyone
 * else: an agency (Italpress) licenses its video to a partner (CCTV+) by the shorthand; a third org (Arirang) deals
 * with neither.
 */
class ReadsTest {
    @TempDir
    static Path dataDir;
    static TestNode node;
    static Networks.Keys keys;

    @BeforeAll
    static void network() throws Exception {
        // Endpoints on this machine: the filter's rules are the question here, not the SSRF guard's.
        node = new TestNode(dataDir, Clock.systemUTC(), DeliverySettings.defaults().allowingPrivate(true));
        keys = Networks.aNetwork(node)
                .agency("italpress", "IT").withKey("admin").withKey("partner").withProducts("italpress-video", "italpress-photo")
                .licensedTo("cctv-plus", "italpress-video")
                .partner("cctv-plus", "CN")
                .agency("arirang", "KR").withProducts("arirang-news")
                .build();
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    // --- products ---

    @Test
    void anOrgSeesItsOwnProductsAndThoseLicensedToItAndTheOperatorSeesEvery() {
        assertThat(ids(node.get("/v1/products", keys.partner("italpress")))).containsExactly("italpress-photo", "italpress-video");
        assertThat(ids(node.get("/v1/products", keys.partner("cctv-plus")))).containsExactly("italpress-video");
        assertThat(ids(node.get("/v1/products", keys.editor("arirang")))).containsExactly("arirang-news");
        assertThat(ids(node.get("/v1/products", TestNode.ADMIN))).contains("arirang-news", "italpress-photo", "italpress-video");
    }

    @Test
    void aProductIsReadByItsOwnerItsLicenseesAndTheOperatorAndIsNotFoundByAnyoneElse() {
        JsonNode video = node.get("/v1/products/italpress-video", keys.partner("cctv-plus")).json();
        assertThat(video.get("owner").asString()).isEqualTo("italpress");
        assertThat(node.get("/v1/products/italpress-video", TestNode.ADMIN).status()).isEqualTo(200);
        assertThat(node.get("/v1/products/italpress-photo", keys.partner("italpress")).status()).isEqualTo(200);
        assertThat(node.get("/v1/products/italpress-photo", keys.partner("cctv-plus")).status()).as("not licensed to it").isEqualTo(404);
        assertThat(node.get("/v1/products/italpress-video", keys.editor("arirang")).status()).isEqualTo(404);
        assertThat(node.get("/v1/products/no-such-product", keys.editor("arirang")).status()).isEqualTo(404);
    }

    @Test
    void theLocationOfANewProductResolvesToIt() {
        node.org("ansa", "IT");
        String ansa = node.key("ansa", "editor");
        TestNode.Answer made = node.post("/v1/products", ansa, "{\"id\": \"ansa-photo\", \"name\": \"ANSA Foto\"}");
        assertThat(made.status()).isEqualTo(201);

        TestNode.Answer read = node.get(made.header("Location"), ansa);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(made.json());
    }

    // --- licences ---

    @Test
    void aShorthandLicenceIsListedForItsLicensorAndItsLicenseeWithTheAgreementAndGrantThatCarryIt() {
        List<JsonNode> licensor = new ArrayList<>();
        node.get("/v1/licences", keys.editor("italpress")).json().get("items").forEach(l -> {
            if (l.get("licensee").asString().equals("cctv-plus")) {
                licensor.add(l);
            }
        });
        JsonNode licensee = node.get("/v1/licences", keys.partner("cctv-plus")).json().get("items");

        assertThat(licensor).hasSize(1);
        assertThat(licensee).containsExactlyElementsOf(licensor);
        JsonNode licence = licensee.get(0);
        assertThat(licence.get("licensor").asString()).isEqualTo("italpress");
        assertThat(licence.get("licensee").asString()).isEqualTo("cctv-plus");
        assertThat(licence.get("grant").asInt()).isEqualTo(1);
        assertThat(licence.get("id").asString()).isEqualTo(licence.get("agreement").asString() + "/v1/1");
        assertThat(node.get("/v1/agreements/" + licence.get("agreement").asString(), keys.editor("italpress")).status()).isEqualTo(200);
        assertThat(node.get("/v1/licences", keys.editor("arirang")).json().get("items")).isEmpty();
        assertThat(node.get("/v1/licences", TestNode.ADMIN).status()).as("the operator belongs to no org").isEqualTo(403);
    }

    @Test
    void aLicenceIsListedOnlyWhileItsAgreementIsInForce() {
        node.org("mediacorp", "SG");
        String mediacorp = node.key("mediacorp", "partner");
        TestNode.Answer offered = node.post("/v1/licences", keys.editor("arirang"),
                "{\"id\": \"arirang-to-mediacorp\", \"licensee\": \"mediacorp\", \"products\": [\"arirang-news\"]}");
        assertThat(offered.status()).isEqualTo(201);
        assertThat(agreements(node.get("/v1/licences", mediacorp))).containsExactly("arirang-to-mediacorp");

        String admin = node.key("arirang", "admin");
        assertThat(node.post("/v1/agreements/arirang-to-mediacorp/suspend", admin, "").status()).isEqualTo(200);
        assertThat(agreements(node.get("/v1/licences", mediacorp))).isEmpty();
        assertThat(ids(node.get("/v1/products", mediacorp))).as("nor are the products it licensed").isEmpty();
    }

    @Test
    void theShorthandAnswersTheAgreementItMadeAndARetryUnderItsIdMakesNoOther() {
        String editor = keys.editor("italpress");
        node.org("rthk", "HK");
        String offer = "{\"id\": \"italpress-photo-to-rthk\", \"licensee\": \"rthk\", \"products\": [\"italpress-photo\"]}";
        TestNode.Answer first = node.post("/v1/licences", editor, offer);
        TestNode.Answer retry = node.post("/v1/licences", editor, offer);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Location")).isEqualTo("/v1/agreements/italpress-photo-to-rthk");
        assertThat(first.json().get("state").asString()).isEqualTo("active");
        assertThat(first.json().get("licences").get(0).get("licensee").asString()).isEqualTo("rthk");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(agreements(node.get("/v1/licences", editor)).stream().filter("italpress-photo-to-rthk"::equals)).hasSize(1);
        assertThat(node.post("/v1/licences", editor, "{\"id\": \"italpress-photo-to-rthk\", \"licensee\": \"rthk\", \"products\": [\"italpress-video\"]}")
                .status()).as("another offer under a taken id").isEqualTo(409);
    }

    // --- organisations ---

    @Test
    void anOrgSeesItselfAndThoseItDealsWithAndTheOperatorSeesEvery() {
        assertThat(ids(node.get("/v1/orgs", keys.partner("cctv-plus")))).contains("cctv-plus", "italpress").doesNotContain("tvb");
        assertThat(ids(node.get("/v1/orgs", keys.partner("italpress")))).contains("cctv-plus", "italpress");
        node.org("tvb", "TW");
        assertThat(ids(node.get("/v1/orgs", TestNode.ADMIN))).contains("arirang", "cctv-plus", "italpress", "tvb");
        assertThat(ids(node.get("/v1/orgs", keys.partner("italpress")))).doesNotContain("tvb");
    }

    // --- an item's history ---

    @Test
    void anItemsOwnersReadEveryVersionWithItsEventTimeKeyAndReasonAndNobodyElseFindsIt() {
        String editor = keys.editor("italpress");
        String id = node.post("/v1/items", editor, publishBody(ninjs("it", "Olimpiadi"), "italpress-video")).json().get("id").asString();
        assertThat(node.put("/v1/items/" + id, editor, reviseBody(ninjs("it", "Olimpiadi, corretto"), "correction")).status()).isEqualTo(200);
        assertThat(node.delete("/v1/items/" + id + "?reason=rights%20withdrawn", editor, "").status()).as("a kill's reason as ?reason=").isEqualTo(200);

        JsonNode versions = node.get("/v1/items/" + id + "/versions", keys.partner("italpress")).json().get("items");
        assertThat(versions).extracting(v -> v.get("event").asString()).containsExactly("published", "corrected", "killed");
        assertThat(versions).extracting(v -> v.get("version").asInt()).containsExactly(1, 2, 3);
        assertThat(versions).allSatisfy(v -> assertThat(v.get("key").asString()).isEqualTo(keyId(editor)));
        assertThat(versions).allSatisfy(v -> assertThat(v.get("createdAt").asString()).endsWith("Z"));
        assertThat(versions.get(2).get("reason").asString()).isEqualTo("rights withdrawn");
        assertThat(versions.get(0).get("reason").isNull()).isTrue();
        for (String stranger : List.of(keys.partner("cctv-plus"), keys.editor("arirang"), TestNode.ADMIN)) {
            assertThat(node.get("/v1/items/" + id + "/versions", stranger).status()).isEqualTo(404);
        }
    }

    @Test
    void aKillGivesItsReasonOnce() {
        String editor = keys.editor("italpress");
        String id = node.post("/v1/items", editor, publishBody(ninjs("it", "Due motivi"), "italpress-video")).json().get("id").asString();

        TestNode.Answer twice = node.delete("/v1/items/" + id + "?reason=one", editor, "{\"reason\": \"another\"}");
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.json().at("/errors/0/pointer").asString()).isEqualTo("/reason");
        assertThat(node.delete("/v1/items/" + id, editor, "").status()).as("no reason at all").isEqualTo(422);
    }

    // --- the smaller rules ---

    @Test
    void explainingForAnOrgThatDoesNotExistIsRefusedAtPartner() {
        String editor = keys.editor("italpress");
        String id = node.post("/v1/items", editor, publishBody(ninjs("it", "Spiegare"), "italpress-video")).json().get("id").asString();

        TestNode.Answer unknown = node.get("/v1/items/" + id + "/explain?partner=no-such-org", editor);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().at("/errors/0/pointer").asString()).isEqualTo("/partner");
        assertThat(node.get("/v1/items/" + id + "/explain?partner=arirang", editor).status()).isEqualTo(200);
    }

    @Test
    void anEndpointFilterNamingAProductOrLanguageTheOrgCannotKnowIsRefused() {
        String partner = keys.partner("cctv-plus");
        String url = "http://127.0.0.1:9/ponte";
        for (String[] bad : new String[][] {{"{\"products\": [\"arirang-news\"]}", "/filter/products"},
                {"{\"products\": [\"no-such-product\"]}", "/filter/products"}, {"{\"languages\": [\"xx\"]}", "/filter/languages"}}) {
            TestNode.Answer a = node.post("/v1/endpoints", partner, "{\"url\": \"" + url + "\", \"filter\": " + bad[0] + "}");
            assertThat(a.status()).as(bad[0]).isEqualTo(422);
            assertThat(a.json().at("/errors/0/pointer").asString()).as(bad[0]).isEqualTo(bad[1]);
        }
        assertThat(node.post("/v1/endpoints", partner, "{\"url\": \"" + url + "\", \"filter\": {\"products\": [\"italpress-video\"], \"languages\": [\"zh-Hans\", \"yue\"]}}")
                .status()).isEqualTo(201);
    }

    @Test
    void searchTakesEveryNinjs31Type() {
        for (String type : List.of("text", "composite", "component", "event", "planning")) {
            assertThat(node.get("/v1/search?type=" + type, keys.partner("cctv-plus")).status()).as(type).isEqualTo(200);
        }
        assertThat(node.get("/v1/search?type=podcast", keys.partner("cctv-plus")).status()).isEqualTo(422);
    }

    @Test
    void aProblemsTypeLeadsToAPageThisNodeServes() {
        TestNode.Answer missing = node.get("/v1/products/no-such-product", keys.partner("cctv-plus"));
        URI type = URI.create(node.base + "/v1/products/no-such-product").resolve(missing.json().get("type").asString());

        TestNode.Answer page = node.get(type.getPath(), null);
        assertThat(type.toString()).isEqualTo(node.base + "/problems/not-found");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.raw().body()).contains("Not found");
    }

    private static List<String> ids(TestNode.Answer list) {
        assertThat(list.status()).as(list.raw().body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        list.json().get("items").forEach(i -> out.add(i.get("id").asString()));
        return out;
    }

    private static List<String> agreements(TestNode.Answer licences) {
        List<String> out = new ArrayList<>();
        licences.json().get("items").forEach(l -> out.add(l.get("agreement").asString()));
        return out;
    }

    private static String keyId(String secret) {
        return ponte.core.access.KeyId.of(secret).value();
    }
}

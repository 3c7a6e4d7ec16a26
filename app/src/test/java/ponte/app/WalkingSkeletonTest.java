package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.app.Networks.aNetwork;
import static ponte.app.TestNode.ninjs;
import static ponte.app.TestNode.publishBody;
import static ponte.app.TestNode.reviseBody;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import ponte.formats.OfficialSchema;
import tools.jackson.databind.JsonNode;

/** The spine end to end over real HTTP and real H2: publish, feed, revisions, kills, entitlement. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WalkingSkeletonTest {
    @TempDir
    static Path dataDir;

    TestNode node;
    String agencyEditor;
    String broadcasterPartner;
    String strangerPartner;

    @BeforeAll
    void network() throws Exception {
        node = new TestNode(dataDir);
        Networks.Keys keys = aNetwork(node)
                .agency("agency", "IT").withProducts("agency-news", "agency-unlicensed").licensedTo("broadcaster", "agency-news")
                .partner("broadcaster", "CN")
                .partner("stranger", "JP")
                .build();
        agencyEditor = keys.editor("agency");
        broadcasterPartner = keys.partner("broadcaster");
        strangerPartner = keys.partner("stranger");
    }

    @AfterAll
    void stop() throws Exception {
        node.close();
    }

    private String publish(String language, String headline) {
        TestNode.Answer a = node.post("/v1/items", agencyEditor, publishBody(ninjs(language, headline), "agency-news"));
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
        return a.json().get("id").asString();
    }

    private List<JsonNode> wholeFeed(String key) {
        List<JsonNode> entries = new ArrayList<>();
        String after = "";
        while (true) {
            TestNode.Answer page = node.get("/v1/feed?limit=3" + (after.isEmpty() ? "" : "&after=" + after), key);
            assertThat(page.status()).isEqualTo(200);
            page.json().get("entries").forEach(entries::add);
            String next = page.json().get("next").asString();
            if (next.equals(after)) {
                return entries;
            }
            after = next;
        }
    }

    private List<JsonNode> entriesFor(String key, String itemUri) {
        return wholeFeed(key).stream().filter(e -> e.get("item").get("uri").asString().equals(itemUri)).toList();
    }

    @Test
    void publishedItemsReachTheLicensedPartnerInLogOrder() {
        String first = publish("it", "Milano-Cortina, al via gli speciali");
        String second = publish("zh-Hans", "米兰-科尔蒂纳冬奥会专题节目开播");
        List<String> ids = wholeFeed(broadcasterPartner).stream().map(e -> e.get("item").get("altIds")).map(this::ponteId).toList();
        assertThat(ids).containsSubsequence(first, second);
        List<JsonNode> feed = wholeFeed(broadcasterPartner);
        List<String> cursors = feed.stream().map(e -> e.get("cursor").asString()).toList();
        assertThat(cursors).doesNotHaveDuplicates();
    }

    @Test
    void feedPagesCarryNextCursorAndLinkHeader() {
        publish("en", "Paging check");
        TestNode.Answer page = node.get("/v1/feed?limit=1", broadcasterPartner);
        assertThat(page.json().get("entries")).hasSize(1);
        String next = page.json().get("next").asString();
        assertThat(page.header("link")).isEqualTo("</v1/feed?after=" + next + "&limit=1>; rel=\"next\"");
        TestNode.Answer following = node.get("/v1/feed?limit=1&after=" + next, broadcasterPartner);
        assertThat(following.json().get("entries").get(0).get("cursor").asString()).isNotEqualTo(next);
    }

    @Test
    void partnerWithoutLicenceSeesNothingAndGets404OnTheItem() {
        String id = publish("it", "Notizia riservata ai licenziatari");
        assertThat(wholeFeed(strangerPartner)).isEmpty();
        TestNode.Answer read = node.get("/v1/items/" + id, strangerPartner);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.contentType()).startsWith("application/problem+json");
        // Indistinguishable from an item that does not exist at all.
        TestNode.Answer missing = node.get("/v1/items/doesnotexist0000", strangerPartner);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(read.json().get("detail")).isEqualTo(missing.json().get("detail"));
    }

    @Test
    void itemInUnlicensedProductNeverReachesThePartner() {
        TestNode.Answer a = node.post("/v1/items", agencyEditor, publishBody(ninjs("it", "Solo per il prodotto non licenziato"), "agency-unlicensed"));
        String uri = a.json().get("uri").asString();
        assertThat(entriesFor(broadcasterPartner, uri)).isEmpty();
        assertThat(node.get("/v1/items/" + a.json().get("id").asString(), broadcasterPartner).status()).isEqualTo(404);
    }

    @Test
    void licensedPartnerReadsTheLatestVersion() {
        String id = publish("ko", "이탈리아-한국 공동제작 논의");
        TestNode.Answer read = node.get("/v1/items/" + id, broadcasterPartner);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("headlines").get(0).get("value").asString()).isEqualTo("이탈리아-한국 공동제작 논의");
        assertThat(read.json().get("usageTerms").asString()).contains("agency Org").contains("broadcaster Org");
        assertThat(read.header("cache-control")).contains("private");
    }

    @Test
    void updateCorrectionAndKillAppearInOrderForTheRecipient() {
        TestNode.Answer published = node.post("/v1/items", agencyEditor, publishBody(ninjs("it", "Prima versione"), "agency-news"));
        String id = published.json().get("id").asString();
        String uri = published.json().get("uri").asString();
        assertThat(node.put("/v1/items/" + id, agencyEditor, reviseBody(ninjs("it", "Seconda versione"), "update")).status()).isEqualTo(200);
        assertThat(node.put("/v1/items/" + id, agencyEditor, reviseBody(ninjs("it", "Versione corretta"), "correction")).status()).isEqualTo(200);
        TestNode.Answer killed = node.delete("/v1/items/" + id, agencyEditor, "{\"reason\":\"legal: wrong name published\"}");
        assertThat(killed.status()).isEqualTo(200);
        assertThat(killed.json().get("version").asInt()).isEqualTo(4);

        List<JsonNode> entries = entriesFor(broadcasterPartner, uri);
        assertThat(entries).extracting(e -> e.get("event").asString()).containsExactly("published", "updated", "corrected", "killed");
        assertThat(entries).extracting(e -> e.get("item").get("version").asString()).containsExactly("1", "2", "3", "4");
        JsonNode kill = entries.getLast().get("item");
        assertThat(kill.get("pubStatus").asString()).isEqualTo("canceled");
        assertThat(kill.get("edNote").asString()).contains("legal: wrong name published");

        TestNode.Answer read = node.get("/v1/items/" + id, broadcasterPartner);
        assertThat(read.json().get("pubStatus").asString()).isEqualTo("canceled");
        assertThat(node.put("/v1/items/" + id, agencyEditor, reviseBody(ninjs("it", "Dopo il kill"), "update")).status()).isEqualTo(409);
    }

    @Test
    void ownerReadsEveryVersionPartnerOnlyTheLatest() {
        String id = publish("en", "Version one");
        node.put("/v1/items/" + id, agencyEditor, reviseBody(ninjs("en", "Version two"), "update"));
        assertThat(node.get("/v1/items/" + id + "?version=1", agencyEditor).json().get("headlines").get(0).get("value").asString()).isEqualTo("Version one");
        assertThat(node.get("/v1/items/" + id, agencyEditor).json().get("version").asString()).isEqualTo("2");
        assertThat(node.get("/v1/items/" + id + "?version=1", broadcasterPartner).status()).isEqualTo(404);
        assertThat(node.get("/v1/items/" + id, broadcasterPartner).json().get("version").asString()).isEqualTo("2");
    }

    @Test
    void clientUriIsTheIdempotencyKeyTheSameUriAgainIsAnUpdate() {
        var doc = ninjs("it", "Con uri del cliente");
        doc.put("uri", "https://agency.example/news/2026/42");
        TestNode.Answer first = node.post("/v1/items", agencyEditor, publishBody(doc, "agency-news"));
        TestNode.Answer again = node.post("/v1/items", agencyEditor, publishBody(doc, "agency-news"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(again.json().get("version").asInt()).isEqualTo(2);
        assertThat(again.json().get("event").asString()).isEqualTo("updated");
    }

    @Test
    void everyItemAPartnerReceivesIsValidNinjs31() {
        publish("zh-Hans", "中意媒体合作");
        String id = publish("it", "Da correggere");
        node.put("/v1/items/" + id, agencyEditor, reviseBody(ninjs("it", "Corretto"), "correction"));
        node.delete("/v1/items/" + id, agencyEditor, "{\"reason\":\"withdrawn\"}");
        List<JsonNode> feed = wholeFeed(broadcasterPartner);
        assertThat(feed).isNotEmpty();
        for (JsonNode entry : feed) {
            assertThat(OfficialSchema.errorsIn(entry.get("item"))).as(entry.toString()).isEmpty();
        }
        assertThat(OfficialSchema.errorsIn(node.get("/v1/items/" + id, broadcasterPartner).json())).isEmpty();
    }

    private String ponteId(JsonNode altIds) {
        for (JsonNode alt : altIds) {
            if (alt.get("role").asString().equals("ponte-id")) {
                return alt.get("value").asString();
            }
        }
        throw new AssertionError("no ponte-id in " + altIds);
    }
}

package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The newsroom desk over HTTP: what an editor's pages show and change, and what they never show. */
class DeskTest {
    @TempDir
    static Path dir;
    static TestNode node;

    @BeforeAll
    static void start() throws Exception {
        node = new TestNode(dir);
        node.handle().loadDemoNetwork();
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    static WebClient editor(String org) {
        WebClient web = new WebClient(node.base);
        assertThat(web.signIn(org + "-editor", "demo-" + org + "-editor").status()).isEqualTo(303);
        return web;
    }

    static String idFrom(WebClient.Page redirect) {
        Matcher m = Pattern.compile("/app/desk/items/([^?]+)").matcher(redirect.header("location"));
        assertThat(m.find()).as(redirect.header("location")).isTrue();
        return m.group(1);
    }

    @Test
    void aHeadlineWithAScriptTagShowsAsTextOnTheDeskAndTheItemPage() {
        JsonNode receipt = node.publish("demo-italpress-editor", TestNode.ninjs("it", "<script>alert(1)</script>"), "italpress-news");
        WebClient web = editor("italpress");

        String desk = web.get("/app/desk").body();
        String item = web.get("/app/desk/items/" + receipt.get("id").asString()).body();

        for (String page : new String[] {desk, item}) {
            assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        }
    }

    @Test
    void anEditorComposesAnItalianItemThatThenStandsOnTheDesk() {
        WebClient web = editor("italpress");
        web.get("/app/desk/new");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("headline", "Olimpiadi, la fiaccola arriva a Cortina");
        form.put("body", "CORTINA (ITALPRESS) – La fiaccola olimpica è arrivata oggi.");
        form.put("language", "it");
        form.put("type", "text");
        form.put("products", "italpress-news");

        WebClient.Page published = web.post("/app/desk/new", form);

        assertThat(published.status()).isEqualTo(303);
        String id = idFrom(published);
        assertThat(web.get("/app/desk").body()).contains("Olimpiadi, la fiaccola arriva a Cortina", "/app/desk/items/" + id);
        assertThat(node.get("/v1/items/" + id, "demo-cctv-plus-partner").status()).isEqualTo(200); // licensed to CCTV+ by the demo's agreement
    }

    @Test
    void aFormThatBreaksARuleIsShownAgainWithTheProblemAndPublishesNothing() {
        WebClient web = editor("italpress");
        web.get("/app/desk/new");
        long before = node.handle().itemCount();

        WebClient.Page refused = web.post("/app/desk/new", Map.of("headline", "Senza prodotto", "language", "it", "type", "text",
                "products", "cj-enm-film"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("error-summary", "Senza prodotto");
        assertThat(node.handle().itemCount()).isEqualTo(before);
    }

    @Test
    void anEditorCorrectsAndThenKillsAnItemWithAReason() {
        JsonNode receipt = node.publish("demo-italpress-editor", TestNode.ninjs("it", "Prima versione"), "italpress-news");
        String id = receipt.get("id").asString();
        WebClient web = editor("italpress");
        web.get("/app/desk/items/" + id + "/edit");

        WebClient.Page corrected = web.post("/app/desk/items/" + id + "/edit",
                Map.of("headline", "Versione corretta", "language", "it", "type", "text", "signal", "correction"));
        assertThat(corrected.status()).isEqualTo(303);
        web.get("/app/desk/items/" + id);
        WebClient.Page killed = web.post("/app/desk/items/" + id + "/kill", Map.of("reason", "Notizia non confermata"));

        assertThat(killed.status()).isEqualTo(303);
        String page = web.get("/app/desk/items/" + id).body();
        assertThat(page).contains("Versione corretta", "Notizia non confermata", "status-killed");
        assertThat(node.get("/v1/items/" + id + "/versions", "demo-italpress-editor").json().get("items")).hasSize(3);
    }

    @Test
    void explainSaysWhyAPartnerGetsTheItemOrNot() {
        JsonNode receipt = node.publish("demo-italpress-editor", TestNode.ninjs("it", "Spiegami"), "italpress-news");
        WebClient web = editor("italpress");

        String gets = web.get("/app/desk/items/" + receipt.get("id").asString() + "?partner=cctv-plus").body();

        assertThat(gets).contains("cctv-plus gets this item");
    }

    @Test
    void anotherOrgsItemIsNotFoundOnTheDeskWhateverTheRole() {
        JsonNode receipt = node.publish("demo-italpress-editor", TestNode.ninjs("it", "Solo Italpress"), "italpress-news");
        String path = "/app/desk/items/" + receipt.get("id").asString();

        assertThat(editor("cinecitta").get(path).status()).isEqualTo(404);
        WebClient partner = new WebClient(node.base);
        partner.signIn("cctv-plus-partner", "demo-cctv-plus-partner"); // licensed to read it, but it is not its desk
        assertThat(partner.get(path).status()).isEqualTo(404);
        assertThat(editor("cinecitta").get(path).body()).doesNotContain("Solo Italpress");
    }

    @Test
    void aPartnerHasNoDesk() {
        WebClient partner = new WebClient(node.base);
        partner.signIn("cgtn-partner", "demo-cgtn-partner");

        assertThat(partner.get("/app/desk").status()).isEqualTo(403);
        assertThat(partner.get("/app/").body()).doesNotContain("href=\"/app/desk\"");
    }

    @Test
    void killingWithoutTheSessionsTokenIsRefusedAndTheItemStaysLive() {
        JsonNode receipt = node.publish("demo-italpress-editor", TestNode.ninjs("it", "Resta viva"), "italpress-news");
        String id = receipt.get("id").asString();
        WebClient web = editor("italpress");

        WebClient.Page forged = web.postExactly("/app/desk/items/" + id + "/kill", Map.of("reason", "forged"));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(node.get("/v1/items/" + id, "demo-italpress-editor").json().path("pubStatus").asString("usable")).isNotEqualTo("canceled");
        assertThat(node.handle().items().byId(new ponte.core.items.ItemId(id)).orElseThrow().killed()).isFalse();
    }
}

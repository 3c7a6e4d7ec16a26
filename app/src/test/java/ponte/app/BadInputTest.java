package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.app.Networks.aNetwork;
import static ponte.app.TestNode.ninjs;
import static ponte.app.TestNode.publishBody;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import ponte.core.log.Cursor;

/** Bad requests get a problem+json that says what is wrong, and change nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
    @TempDir
    static Path dataDir;

    TestNode node;
    String editor;
    String partner;

    @BeforeAll
    void network() throws Exception {
        node = new TestNode(dataDir);
        Networks.Keys keys = aNetwork(node)
                .agency("agency", "IT").withKey("partner").withProducts("news")
                .agency("other", "CN").withProducts("other-news")
                .build();
        editor = keys.editor("agency");
        partner = keys.partner("agency");
    }

    @AfterAll
    void stop() throws Exception {
        node.close();
    }

    private TestNode.Answer refusedWithoutChange(TestNode.Answer answer, int status) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
        assertThat(answer.json().get("type").asString()).isNotBlank();
        assertThat(answer.json().get("title").asString()).isNotBlank();
        assertThat(answer.json().get("detail").asString()).isNotBlank();
        assertThat(node.handle().head()).isEqualTo(Cursor.START);
        return answer;
    }

    @Test
    void malformedJsonIs400() {
        refusedWithoutChange(node.post("/v1/items", editor, "{\"ninjs\": {"), 400);
        refusedWithoutChange(node.post("/v1/items", editor, "[1,2]"), 400);
        refusedWithoutChange(node.post("/v1/items", editor, ""), 400);
    }

    @Test
    void invalidNinjsIs422NamingTheField() {
        var doc = ninjs("it", "Titolo");
        doc.put("urgency", "very");
        doc.put("notANinjsField", true);
        TestNode.Answer a = refusedWithoutChange(node.post("/v1/items", editor, publishBody(doc, "news")), 422);
        assertThat(a.json().get("errors")).isNotEmpty();
        assertThat(a.json().get("errors").findValuesAsString("pointer")).anyMatch(p -> p.startsWith("/ninjs"));
    }

    @Test
    void missingNinjsIs422() {
        TestNode.Answer a = refusedWithoutChange(node.post("/v1/items", editor, "{\"products\":[\"news\"]}"), 422);
        assertThat(a.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/ninjs");
    }

    @Test
    void unknownProductIs422() {
        TestNode.Answer a = refusedWithoutChange(node.post("/v1/items", editor, publishBody(ninjs("it", "x"), "no-such-product")), 422);
        assertThat(a.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/products");
    }

    @Test
    void anotherOrgsProductIs422() {
        refusedWithoutChange(node.post("/v1/items", editor, publishBody(ninjs("it", "x"), "other-news")), 422);
    }

    @Test
    void missingOrUnknownKeyIs401() {
        refusedWithoutChange(node.post("/v1/items", null, publishBody(ninjs("it", "x"), "news")), 401);
        refusedWithoutChange(node.post("/v1/items", "not-a-key", publishBody(ninjs("it", "x"), "news")), 401);
    }

    @Test
    void partnerKeyCannotPublish403() {
        refusedWithoutChange(node.post("/v1/items", partner, publishBody(ninjs("it", "x"), "news")), 403);
    }

    @Test
    void editorCannotRegisterOrgs403() {
        refusedWithoutChange(node.post("/v1/orgs", editor, "{\"id\":\"x\",\"name\":\"X\",\"kind\":\"agency\",\"country\":\"IT\"}"), 403);
        assertThat(node.get("/v1/orgs/x", editor).status()).isEqualTo(404);
    }

    @Test
    void badOrgFieldsAre422() {
        refusedWithoutChange(node.post("/v1/orgs", TestNode.ADMIN, "{\"id\":\"x\",\"name\":\"X\",\"kind\":\"agency\",\"country\":\"XX\"}"), 422);
        refusedWithoutChange(node.post("/v1/orgs", TestNode.ADMIN, "{\"id\":\"x\",\"name\":\"X\",\"kind\":\"newspaper\",\"country\":\"IT\"}"), 422);
        refusedWithoutChange(node.post("/v1/orgs", TestNode.ADMIN, "{\"id\":\"has space\",\"name\":\"X\",\"kind\":\"agency\",\"country\":\"IT\"}"), 422);
        assertThat(node.get("/v1/orgs/x", editor).status()).isEqualTo(404);
    }

    @Test
    void badCursorAndLimitAre422() {
        refusedWithoutChange(node.get("/v1/feed?after=garbage", partner), 422);
        refusedWithoutChange(node.get("/v1/feed?limit=501", partner), 422);
        refusedWithoutChange(node.get("/v1/feed?limit=abc", partner), 422);
    }

    @Test
    void revisingOrKillingAnUnknownItemIs404() {
        refusedWithoutChange(node.put("/v1/items/nosuchitem", editor, TestNode.reviseBody(ninjs("it", "x"), "update")), 404);
        refusedWithoutChange(node.delete("/v1/items/nosuchitem", editor, "{\"reason\":\"x\"}"), 404);
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() {
        refusedWithoutChange(node.get("/v1/nothing-here", editor), 404);
        TestNode.Answer a = refusedWithoutChange(node.put("/v1/feed", partner, "{}"), 405);
        assertThat(a.header("allow")).contains("GET");
    }
}

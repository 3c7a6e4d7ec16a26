package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.app.Networks.aNetwork;
import static ponte.app.TestNode.ninjs;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import ponte.core.log.Cursor;
import ponte.formats.NinjsWriter;
import tools.jackson.databind.node.ObjectNode;

/**
 * Strict input, as a new user met its absence: a misspelt member is refused, not ignored; a value of the wrong type
 * is a 422 that points at it, not a 503 to retry forever; what Jetty refuses itself is a problem+json too. Each
 * refusal changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictInputTest {
    @TempDir
    static Path dataDir;

    TestNode node;
    String editor;
    String admin;
    String partner;
    String otherAdmin;
    Cursor head;

    @BeforeAll
    void network() {
        try {
            node = new TestNode(dataDir);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Networks.Keys keys = aNetwork(node)
                .agency("agency", "IT").withKey("admin").withProducts("news").licensedTo("broadcaster")
                .agency("other", "CN").withKey("admin").withProducts("other-news")
                .partner("broadcaster", "KR")
                .build();
        editor = keys.editor("agency");
        admin = keys.key("agency", "admin");
        otherAdmin = keys.key("other", "admin");
        partner = keys.partner("broadcaster");
        TestNode.Answer draft = node.post("/v1/agreements", editor, agreement("exchange", "false"));
        assertThat(draft.status()).as(draft.raw().body()).isEqualTo(201);
        head = node.handle().head();
    }

    @AfterAll
    void stop() throws Exception {
        node.close();
    }

    private static String agreement(String id, String exclusive) {
        return """
                {"id": "%s", "title": "Exchange", "parties": ["agency", "other"],
                 "grants": [{"licensor": "agency", "licensee": "other", "products": ["news"], "exclusive": %s}]}""".formatted(id, exclusive);
    }

    /** A 4xx problem+json that changed nothing: the log's head is where it was. */
    private TestNode.Answer refused(TestNode.Answer answer, int status) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
        assertThat(answer.json().get("title").asString()).isNotBlank();
        assertThat(node.handle().head()).isEqualTo(head);
        return answer;
    }

    private static List<String> pointers(TestNode.Answer answer) {
        return answer.json().get("errors").findValuesAsString("pointer");
    }

    @Test
    void aMisspeltRightsMemberIsRefusedAndNothingIsPublished() {
        ObjectNode body = NinjsWriter.mapper().createObjectNode();
        body.set("ninjs", ninjs("it", "Solo per l'Italia"));
        body.putArray("products").add("news");
        body.putObject("right").putObject("territories").putArray("include").add("IT");

        TestNode.Answer answer = refused(node.post("/v1/items", editor, body.toString()), 422);

        assertThat(pointers(answer)).containsExactly("/right");
        assertThat(node.get("/v1/feed", partner).json().get("entries")).isEmpty();
    }

    @Test
    void anUnknownMemberIsRefusedAtEveryLevelPonteDefines() {
        ObjectNode body = NinjsWriter.mapper().createObjectNode();
        body.set("ninjs", ninjs("it", "Titolo"));
        body.putArray("products").add("news");
        ObjectNode territories = body.putObject("rights").putObject("territories");
        territories.putArray("include").add("IT");
        territories.putArray("exlude").add("SM");

        assertThat(pointers(refused(node.post("/v1/items", editor, body.toString()), 422))).containsExactly("/rights/territories/exlude");
        TestNode.Answer grant = refused(node.post("/v1/agreements", editor, """
                {"id": "typo", "title": "T", "parties": ["agency", "other"],
                 "grants": [{"licensor": "agency", "licensee": "other", "products": ["news"], "territories": {"include": ["IT"], "exclude": [], "excluding": ["SM"]}}]}"""), 422);
        assertThat(pointers(grant)).containsExactly("/grants/0/territories/excluding");
        assertThat(node.get("/v1/agreements/typo", editor).status()).isEqualTo(404);
    }

    @Test
    void anActionThatTakesNoBodyRefusesMembersItWouldIgnore() {
        TestNode.Answer answer = refused(node.post("/v1/agreements/exchange/suspend", admin, "{\"until\": \"2030-01-01T00:00:00Z\"}"), 422);

        assertThat(pointers(answer)).containsExactly("/until");
        assertThat(node.get("/v1/agreements/exchange", admin).json().get("suspended").asBoolean()).isFalse();
    }

    @Test
    void approvingWithAVersionThatIsNotANumberIs422() {
        TestNode.Answer answer = refused(node.post("/v1/agreements/exchange/approve", admin, "{\"version\": \"abc\"}"), 422);

        assertThat(pointers(answer)).containsExactly("/version");
        assertThat(node.get("/v1/agreements/exchange", admin).json().get("approvedBy")).isEmpty();
    }

    @Test
    void anExclusiveGrantThatIsNotABooleanIs422() {
        TestNode.Answer answer = refused(node.post("/v1/agreements", editor, agreement("exclusive-yes", "\"yes\"")), 422);

        assertThat(pointers(answer)).containsExactly("/grants/0/exclusive");
        assertThat(node.get("/v1/agreements/exclusive-yes", editor).status()).isEqualTo(404);
    }

    @Test
    void aFeedCursorThatIsNotUtf8IsAClientError() {
        TestNode.Answer answer = refused(node.get("/v1/feed?after=c%00%ff", partner), 400);

        assertThat(answer.json().get("detail").asString()).contains("UTF-8");
    }

    @Test
    void anEncodedDotDotInThePathIsAProblemNotAnHtmlPage() {
        refused(node.get("/v1/items/%2e%2e/%2e%2e/health", editor), 400);
        refused(node.get("/v1/orgs/%2e%2e", editor), 400);
    }

    @Test
    void textADatabaseCannotHoldIsRefusedAtItsPointer() {
        TestNode.Answer answer = refused(node.post("/v1/products", editor, "{\"id\": \"nul\", \"name\": \"a\\u0000b\"}"), 422);

        assertThat(pointers(answer)).containsExactly("/name");
        String loneSurrogate = TestNode.publishBody(ninjs("it", "lone SURROGATE"), "news").replace("SURROGATE", "\\ud800"); // the escape, as JSON allows
        assertThat(pointers(refused(node.post("/v1/items", editor, loneSurrogate), 422))).contains("/ninjs/headlines/0/value", "/ninjs/bodies/0/value");
    }

    @Test
    void timesAndDelaysBeyondWhatAClockHoldsAreRefusedNotLeftToOverflow() {
        TestNode.Answer delay = refused(node.post("/v1/agreements", editor, """
                {"id": "forever", "title": "T", "parties": ["agency", "other"],
                 "grants": [{"licensor": "agency", "licensee": "other", "products": ["news"], "embargoDelay": "PT2562047788015215H"}]}"""), 422);
        assertThat(pointers(delay)).containsExactly("/grants/0/embargoDelay");
        TestNode.Answer validTo = refused(node.post("/v1/agreements", editor, """
                {"id": "far", "title": "T", "parties": ["agency", "other"], "validTo": "+999999999-12-31T23:59:59Z",
                 "grants": [{"licensor": "agency", "licensee": "other", "products": ["news"]}]}"""), 422);
        assertThat(pointers(validTo)).containsExactly("/validTo");
        assertThat(pointers(refused(node.get("/v1/search?from=-999999999-01-01T00:00:00Z", partner), 422))).containsExactly("/from");
    }

    @Test
    void aLowerCaseSubjectFilterSearches() {
        TestNode.Answer answer = node.get("/v1/search?q=notizia&subject=politics", partner);

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
    }
}

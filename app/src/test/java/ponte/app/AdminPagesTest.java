package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An admin's pages over HTTP: keys shown once and revoked at once, reset links that work once, and who may do what. */
class AdminPagesTest {
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

    static WebClient as(String username) {
        WebClient web = new WebClient(node.base);
        assertThat(web.signIn(username, "demo-" + username).status()).isEqualTo(303);
        return web;
    }

    static String grab(String body, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">([^<]+)<").matcher(body);
        assertThat(m.find()).as(id).isTrue();
        return m.group(1);
    }

    @Test
    void aKeyIssuedInTheUiIsShownOnceWorksAndStopsAtOnceWhenRevoked() {
        WebClient admin = as("cgtn-admin");
        admin.get("/app/admin/keys");

        String issued = admin.post("/app/admin/keys", Map.of("label", "newsroom importer", "role", "partner")).body();
        String secret = grab(issued, "secret");
        assertThat(node.get("/v1/feed", secret).status()).isEqualTo(200);
        String list = admin.get("/app/admin/keys").body();
        assertThat(list).contains("newsroom importer").doesNotContain(secret);
        String keyId = ponte.core.access.KeyId.of(secret).value();

        admin.post("/app/admin/keys/" + keyId + "/revoke", Map.of());

        assertThat(node.get("/v1/feed", secret).status()).isEqualTo(401);
    }

    @Test
    void aResetLinkSetsANewPasswordOnceAndEndsTheOldSessions() {
        WebClient editor = as("jiangsu-editor");
        WebClient admin = as("jiangsu-admin");
        String users = admin.get("/app/admin/users").body();
        Matcher any = Pattern.compile("action=\"/app/admin/users/([^/]+)/reset\"><input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\"><button type=\"submit\" aria-label=\"Password reset link for jiangsu-editor\"").matcher(users);
        assertThat(any.find()).isTrue();
        String link = grab(admin.post("/app/admin/users/" + any.group(1) + "/reset", Map.of()).body(), "link");
        String path = link.substring(link.indexOf("/app/welcome/"));

        WebClient person = new WebClient(node.base);
        person.get(path);
        WebClient.Page set = person.post(path, Map.of("password", "a-new-password", "confirm", "a-new-password"));

        assertThat(set.status()).isEqualTo(303);
        assertThat(editor.get("/app/desk").status()).isEqualTo(303); // the old session ended
        assertThat(new WebClient(node.base).signIn("jiangsu-editor", "a-new-password").status()).isEqualTo(303);
        assertThat(new WebClient(node.base).signIn("jiangsu-editor", "demo-jiangsu-editor").status()).isEqualTo(401);
        assertThat(new WebClient(node.base).get(path).status()).isEqualTo(404); // once only
    }

    @Test
    void anInvitationNeverHandsOutAnExistingOrg() {
        WebClient admin = as("italpress-admin");
        admin.get("/app/admin/invite");

        WebClient.Page refused = admin.post("/app/admin/invite", Map.of("id", "cgtn", "name", "CGTN", "kind", "broadcaster", "country", "CN"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).doesNotContain("/app/welcome/");
    }

    @Test
    void onlyAdminsReachTheAdminPages() {
        WebClient editor = as("italpress-editor");
        for (String path : new String[] {"/app/admin/keys", "/app/admin/users", "/app/admin/invite"}) {
            assertThat(editor.get(path).status()).as(path).isEqualTo(403);
        }
        assertThat(editor.get("/app/").body()).doesNotContain("/app/admin/");
    }
}

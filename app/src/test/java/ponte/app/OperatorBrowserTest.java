package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator in the web UI (onboarding's "or the operator creates one"): the node makes the operator's account at
 * start with the bootstrap admin key as its password; signed in, the operator registers a new organisation and gets
 * its first admin's one-time link, and the new admin takes it from there. The operator reads no content.
 */
class OperatorBrowserTest {
    @TempDir
    static Path dir;
    static TestNode node;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        node = new TestNode(dir);
        node.handle().installOperator("operator", TestNode.ADMIN);
        browser = new Browser(node.base);
    }

    @AfterAll
    static void stop() throws Exception {
        browser.close();
        node.close();
    }

    @Test
    void theOperatorCreatesAnOrganisationAndItsAdminTakesTheLink() {
        browser.signIn("operator", TestNode.ADMIN);
        assertThat(browser.text("#start")).contains("Invite a partner");
        assertThat(browser.text("header")).doesNotContain("Desk").contains("operator");
        browser.accessible("operator-1-home");
        browser.go("/app/admin/invite");
        browser.fill("org-id", "rai-news");
        browser.fill("org-name", "Rai News");
        browser.fill("org-country", "IT");
        browser.find("form[action='/app/admin/invite'] button[type=submit]").click();
        browser.waitForText("Rai News is on the network");
        String link = browser.text("#link");
        assertThat(link).contains("/app/welcome/");
        browser.accessible("operator-2-link");
        assertThat(node.get("/v1/orgs/rai-news", TestNode.ADMIN).status()).isEqualTo(200);
        var registered = node.get("/v1/audit?action=org.register", TestNode.ADMIN).json().get("items").get(0);
        assertThat(registered.get("target").get("id").asString()).isEqualTo("rai-news");
        assertThat(registered.get("actor").get("kind").asString()).isEqualTo("operator");

        browser.go("/app/portal");
        assertThat(browser.find("h1").getText()).as("the operator reads no content").isNotEqualTo("Latest in your feed");

        browser.driver().manage().deleteAllCookies();
        browser.driver().get(link);
        browser.fill("password", "rai-news-secret-1");
        browser.fill("confirm", "rai-news-secret-1");
        browser.find("form[action^='/app/welcome/'] button[type=submit]").click();
        browser.waitForText("Welcome, rai-news");
    }

    @Test
    void aChangedAdminKeyResetsTheOperatorsPasswordAndAnOrgsNameIsNotTaken() {
        node.handle().installOperator("operator-two", "first-admin-key-1");
        node.handle().installOperator("operator-two", "second-admin-key-2");
        assertThat(node.handle().accounts().signIn("operator-two", "first-admin-key-1")).isEmpty();
        assertThat(node.handle().accounts().signIn("operator-two", "second-admin-key-2")).isPresent();
        node.org("zdf", "DE");
        node.handle().accounts().install(new ponte.core.orgs.OrgId("zdf"), "someone", ponte.core.access.Role.EDITOR, "someone-secret-1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> node.handle().installOperator("someone", "x-admin-key-3"))
                .isInstanceOf(ponte.core.Conflict.class);
    }
}

package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.delivery.DeliverySettings;

/**
 * Every main page not walked through by the story tests, opened as the role it is for: axe-core finds nothing serious
 * or critical on any, and each leaves a screenshot (target/browser-screenshots).
 */
class EveryPageBrowserTest {
    @TempDir
    static Path dir;
    static TestNode node;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        node = new TestNode(dir, Clock.systemUTC(), DeliverySettings.defaults().allowingPrivate(true));
        node.handle().loadDemoNetwork();
        node.handle().catchUpSearch();
        browser = new Browser(node.base);
    }

    @AfterAll
    static void stop() throws Exception {
        browser.close();
        node.close();
    }

    void check(String path, String name) {
        browser.go(path);
        assertThat(browser.find("h1").getText()).as(path).isNotBlank();
        browser.accessible(name);
    }

    @Test
    void anAdminsPages() {
        browser.signIn("cinecitta-admin", "demo-cinecitta-admin");
        check("/app/", "page-home-admin");
        check("/app/agreements", "page-agreements");
        check("/app/agreements/cinecitta-cj-enm-coproduction/amend", "page-agreement-amend");
        check("/app/agreements/new", "page-agreement-propose");
        check("/app/admin/keys", "page-admin-keys");
        check("/app/admin/users", "page-admin-users");
        check("/app/admin/invite", "page-admin-invite");
        check("/app/portal/licences", "page-licences");
        check("/app/reach", "page-reach-choose");
        check("/app/reach?coproduction=cinecitta-cj-enm-slate", "page-reach-coproduction");
        TestNode.Answer source = node.post("/v1/ingest/sources", "demo-cinecitta-editor",
                "{\"url\":\"http://127.0.0.1:9/feed.json\",\"format\":\"ninjs\",\"products\":[\"cinecitta-cinema\"]}");
        assertThat(source.status()).isEqualTo(201);
        check("/app/desk/sources", "page-desk-sources");
        assertThat(browser.text("main")).contains("http://127.0.0.1:9/feed.json");
        check("/app/nowhere", "page-not-found");
    }

    @Test
    void aPartnersPages() {
        browser.signIn("cgtn-partner", "demo-cgtn-partner");
        check("/app/portal?q=Harbin", "page-portal-search");
        check("/app/portal/usage", "page-portal-usage");
        check("/app/reach?product=cctv-plus-video", "page-reach-partner");
        check("/app/portal/endpoints", "page-endpoints");
        browser.fill("url", "http://127.0.0.1:9/hook");
        browser.find("form[action='/app/portal/endpoints'] button[type=submit]").click();
        browser.waitForText("shown only this once");
        browser.accessible("page-endpoint-created");
        browser.find("#created-endpoint a").click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/app/portal/endpoints/"));
        browser.accessible("page-endpoint");
    }
}

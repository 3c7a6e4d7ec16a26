package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Onboarding a partner end to end in a real browser: invite, one-time link, password, licences, key, first feed. */
class OnboardingBrowserTest {
    @TempDir
    static Path dir;
    static TestNode node;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        node = new TestNode(dir);
        node.handle().loadDemoNetwork();
        browser = new Browser(node.base);
    }

    @AfterAll
    static void stop() throws Exception {
        browser.close();
        node.close();
    }

    @Test
    void italpressInvitesANewBroadcasterWhoSetsAPasswordGetsAKeyAndReadsItsFirstFeed() {
        browser.signIn("italpress-admin", "demo-italpress-admin");
        browser.go("/app/admin/invite");
        browser.accessible("onboarding-1-invite");
        browser.fill("org-id", "kbs-world");
        browser.fill("org-name", "KBS World");
        browser.fill("org-country", "KR");
        browser.find("#offer-italpress-news").click();
        browser.find("form[action='/app/admin/invite'] button[type=submit]").click();
        browser.waitForText("KBS World is on the network");
        String link = browser.text("#link");
        assertThat(link).contains("/app/welcome/");
        browser.accessible("onboarding-2-link");

        browser.driver().manage().deleteAllCookies(); // the invitee, in another browser
        browser.driver().get(link);
        browser.accessible("onboarding-3-password");
        browser.fill("password", "kbs-world-secret-1");
        browser.fill("confirm", "kbs-world-secret-1");
        browser.find("form[action^='/app/welcome/'] button[type=submit]").click();
        browser.waitForText("Welcome, kbs-world");
        assertThat(browser.text("#offered")).contains("italpress", "italpress-news");
        browser.find("form[action='/app/admin/keys'] button[type=submit]").click();
        browser.waitForText("shown only this once");
        String key = browser.text("#secret");
        browser.accessible("onboarding-4-key");
        assertThat(node.get("/v1/feed", key).status()).isEqualTo(200);

        node.handle().releaseDue(); // the licence's start releases Italpress's items of the last seven days (within a second anyway)
        browser.find("#first-feed").click();
        browser.waitForText("Latest in your feed");
        // Italpress's own stories; its share of the co-produced Milano-Cortina special is Italy only, so not in Korea
        assertThat(browser.text("#portal-feed")).contains("Cortina readies its venues").doesNotContain("Milano-Cortina");
        browser.accessible("onboarding-5-first-feed");

        browser.driver().get(link); // used: it opens nothing any more
        assertThat(browser.find("h1").getText()).isEqualTo("Page not found");
    }
}

package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The demo's story in a real browser, as the people in it would click through it: an Italpress editor publishes in
 * Italian and CCTV+ sees it, then the kill; CJ ENM's admin approves the co-production agreement and each side sees the
 * other's items. Every page on the way passes axe-core and leaves a screenshot.
 */
class StoryBrowserTest {
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
    void italpressPublishesInItalianCctvPlusSeesItThenSeesItKilled() {
        browser.signIn("italpress-editor", "demo-italpress-editor");
        browser.go("/app/desk/new");
        browser.fill("headline", "Venezia, riapre il Ponte di Rialto dopo i restauri");
        browser.fill("body", "VENEZIA (ITALPRESS) – Il Ponte di Rialto riapre oggi al pubblico.");
        new Select(browser.find("#language")).selectByValue("it");
        browser.find("#product-italpress-news").click();
        browser.shot("story-1-compose");
        browser.find("form[action='/app/desk/new'] button[type=submit]").click();
        browser.waitForText("Published.");
        String itemUrl = browser.driver().getCurrentUrl().replaceAll("\\?.*", "");
        String id = itemUrl.substring(itemUrl.lastIndexOf('/') + 1);
        browser.accessible("story-2-published");

        browser.signIn("cctv-plus-partner", "demo-cctv-plus-partner");
        browser.go("/app/portal");
        assertThat(browser.text("#portal-feed")).contains("Venezia, riapre il Ponte di Rialto dopo i restauri");
        browser.accessible("story-3-portal");
        browser.driver().findElement(By.linkText("Venezia, riapre il Ponte di Rialto dopo i restauri")).click();
        browser.waitForText("ninjs (JSON)");
        assertThat(browser.find("h1").getAttribute("lang")).isEqualTo("it");
        browser.accessible("story-4-portal-item");

        browser.signIn("italpress-editor", "demo-italpress-editor");
        browser.go("/app/desk/items/" + id);
        browser.fill("reason", "Notizia non confermata dalla fonte");
        browser.find("form[action$='/kill'] button[type=submit]").click();
        browser.waitForText("Killed: every partner");

        browser.signIn("cctv-plus-partner", "demo-cctv-plus-partner");
        browser.go("/app/portal/items/" + id);
        assertThat(browser.text(".banner")).contains("Killed", "Notizia non confermata dalla fonte");
        browser.go("/app/portal");
        assertThat(browser.find("#portal-feed").findElement(By.xpath(".//tr[td/a[contains(., 'Rialto')]]")).getText()).contains("killed");
        browser.accessible("story-5-portal-killed");
    }

    @Test
    void cjEnmsAdminApprovesTheCoproductionAndEachSideSeesTheOthersItems() {
        JsonNode film = node.publish("demo-cj-enm-editor", TestNode.ninjs("ko", "CJ ENM, 이탈리아 공동제작 영화 촬영 시작"), "cj-enm-film");
        JsonNode cinema = node.publish("demo-cinecitta-editor", TestNode.ninjs("it", "Cinecittà apre i teatri di posa a CJ ENM"), "cinecitta-cinema");
        browser.signIn("cinecitta-partner", "demo-cinecitta-partner");
        browser.go("/app/portal");
        assertThat(browser.find("main").getText()).doesNotContain("CJ ENM, 이탈리아");

        browser.signIn("cj-enm-admin", "demo-cj-enm-admin");
        browser.go("/app/agreements/cinecitta-cj-enm-coproduction");
        assertThat(browser.text("#approvals")).contains("cj-enm: awaited");
        browser.accessible("story-6-agreement-awaiting");
        browser.find("form[action$='/approve'] button[type=submit]").click();
        browser.waitForText("Approved.");
        assertThat(browser.text("#agreement-state")).isEqualTo("in force");
        browser.accessible("story-7-agreement-in-force");

        // Licences taking effect release the licensor's items of the last seven days: the release loop does so within a second.
        node.handle().releaseDue();
        browser.go("/app/portal");
        assertThat(browser.text("main")).contains("Cinecittà apre i teatri di posa a CJ ENM");
        browser.signIn("cinecitta-partner", "demo-cinecitta-partner");
        browser.go("/app/portal/items/" + film.get("id").asString());
        assertThat(browser.find("h1").getText()).isEqualTo("CJ ENM, 이탈리아 공동제작 영화 촬영 시작");
        assertThat(browser.find("h1").getAttribute("lang")).isEqualTo("ko");
        browser.accessible("story-8-cinecitta-reads-cj-enm");
        assertThat(cinema.get("id").asString()).isNotBlank();
    }
}

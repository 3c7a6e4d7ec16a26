package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/** The desk in a real browser: its pages pass axe-core, and new entries appear live without a reload. */
class DeskBrowserTest {
    @TempDir
    static Path dir;
    static TestNode node;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        node = new TestNode(dir);
        node.handle().loadDemoNetwork();
        browser = new Browser(node.base);
        browser.signIn("italpress-editor", "demo-italpress-editor");
    }

    @AfterAll
    static void stop() throws Exception {
        browser.close();
        node.close();
    }

    @Test
    void anItemPublishedElsewhereAppearsOnAnOpenDeskWithoutAReload() {
        browser.go("/app/desk");
        browser.driver().executeScript("window.sameDocument = true;");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d ->
                Boolean.TRUE.equals(browser.driver().executeScript("return document.querySelector('[sse-connect]') != null"
                        + " && htmx.find('[sse-connect]')['htmx-internal-data'] != null")));

        node.publish("demo-italpress-editor", TestNode.ninjs("it", "Notizia in diretta dal desk"), "italpress-news");

        browser.waitForText("Notizia in diretta dal desk");
        assertThat(browser.driver().executeScript("return window.sameDocument === true")).isEqualTo(true);
        browser.accessible("desk-live");
    }

    @Test
    void theComposeAndItemPagesAreAccessible() {
        browser.go("/app/desk/new");
        browser.accessible("desk-compose");
        JsonNode receipt = node.publish("demo-italpress-editor", TestNode.ninjs("it", "Pagina della notizia"), "italpress-news");
        browser.go("/app/desk/items/" + receipt.get("id").asString() + "?partner=cctv-plus");
        assertThat(browser.text("#explanation")).contains("cctv-plus");
        browser.accessible("desk-item-explained");
    }
}

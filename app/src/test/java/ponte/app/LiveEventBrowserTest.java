package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

/**
 * The demo's live stream of 21 May 2026 on Trip.com's Ctrip channel, in a real browser: Toscana Promozione (the
 * campaign's owner) and Trip.com (the channel's partner) see its viewer curve peak at 177,000 with the same minutes in
 * a table; Rede Ipê, no party, finds no such event.
 */
class LiveEventBrowserTest {
    static final String EVENT = "/app/live/toscana-live-2026-05-21";

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

    private static List<String> reported() {
        return browser.all("#live-reported td").stream().map(WebElement::getText).toList();
    }

    @Test
    void theOwnerSeesTheCurvePeakAt177000() {
        browser.signIn("toscana-promozione-editor", "demo-toscana-promozione-editor");
        browser.go("/app/live");
        browser.find("#live-events a[href='" + EVENT + "']").click();

        assertThat(browser.find("h1").getText()).contains("托斯卡纳直播");
        assertThat(reported().getFirst()).isEqualTo("177,000");
        assertThat(browser.all("#live-chart polyline.reported")).hasSize(1);
        assertThat(browser.find("#live-chart polyline.reported").getAttribute("points").split(" ")).hasSize(121);
        assertThat(browser.all("#live-minutes tbody tr")).hasSize(121);
        browser.accessible("live-event");
        browser.shot("live-event");
    }

    @Test
    void theChannelsPartnerSeesTheSameEventAndAnOutsiderNone() {
        browser.signIn("trip-com-partner", "demo-trip-com-partner");
        browser.go(EVENT);
        assertThat(reported().getFirst()).isEqualTo("177,000");

        browser.signIn("rede-ipe-editor", "demo-rede-ipe-editor");
        browser.go("/app/live");
        assertThat(browser.all("#live-events")).isEmpty();
        browser.go(EVENT);
        assertThat(browser.find("h1").getText()).doesNotContain("托斯卡纳直播");
    }
}

package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * The campaign dashboard in a real browser, on the demo network: Toscana Promozione sees "Toscana, Rinascimento senza
 * fine" go from the live stream's views to clicks and bookings on Trip.com's two pages, in yuan and euros apart, and
 * its campaigns compared; Trip.com sees its own channels; an org outside the campaign finds no page.
 */
class FunnelBrowserTest {
    static final String CAMPAIGN = "/app/campaigns/toscana-rinascimento";

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

    private static long stage(String name) {
        return Long.parseLong(browser.find("#funnel-totals dd[data-stage='" + name + "']").getText().replaceAll("\\D", ""));
    }

    private static List<String> column(String table) {
        return browser.all(table + " tbody th").stream().map(WebElement::getText).toList();
    }

    @Test
    void theOwnerSeesTheDemoCampaignGoFromViewsToClicksToBookingsInEachCurrency() {
        browser.signIn("toscana-promozione-editor", "demo-toscana-promozione-editor");
        browser.go("/app/campaigns");
        browser.find("#campaigns-compare a[href='" + CAMPAIGN + "']").click();
        browser.waitForText("Toscana, Rinascimento senza fine");

        assertThat(stage("views")).isEqualTo(2_710_000);
        assertThat(stage("clicks")).isGreaterThan(stage("bookings")).isGreaterThan(100);
        assertThat(stage("bookings")).isGreaterThan(10);
        assertThat(browser.text("#funnel-totals dd[data-stage='revenue']")).contains("€").contains("CN¥");
        assertThat(browser.all("#funnel-chart rect[data-stage]")).hasSize(3);
        assertThat(column("#funnel-channel")).containsExactly("Ctrip (ctrip-page)", "Trip.com (trip-com-page)", "Ctrip (ctrip-live)");
        assertThat(column("#funnel-language")).containsExactly("Italian", "Chinese (Simplified)");
        assertThat(column("#funnel-offer")).hasSize(3).contains("Siena e i borghi, 5 giorni");
        assertThat(browser.all("#funnel-days tbody tr")).hasSizeGreaterThanOrEqualTo(30);
        assertThat(browser.all("#campaign-live")).as("the place kept for the live-event curve").hasSize(1);
        browser.accessible("campaign-funnel");
        browser.shot("campaign-funnel");

        long clicks = stage("clicks");
        browser.go(CAMPAIGN + "?from=2026-02-08&to=2026-02-08");
        assertThat(stage("views")).as("the live stream's day").isEqualTo(2_710_000);
        assertThat(stage("clicks")).isPositive().isLessThan(clicks);
        assertThat(browser.all("#funnel-days tbody tr")).hasSize(1);
        assertThat(browser.find("#funnel-csv").getAttribute("href")).endsWith("/funnel.csv?from=2026-02-08&to=2026-02-08");
    }

    @Test
    void thePagesCsvIsTheApisCsv() {
        browser.signIn("toscana-promozione-editor", "demo-toscana-promozione-editor");
        browser.go(CAMPAIGN);
        Object csv = browser.driver().executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(document.getElementById('funnel-csv').href).then(function (r) { return r.text(); }).then(done);");
        TestNode.Answer api = node.get("/v1/campaigns/toscana-rinascimento/funnel", "demo-toscana-promozione-editor", "text/csv");
        assertThat(api.status()).isEqualTo(200);
        assertThat(((String) csv).lines().toList()).isEqualTo(api.raw().body().lines().toList());
        assertThat((String) csv).contains("total,,,,revenue,CNY,").contains("total,,,,revenue,EUR,");
    }

    @Test
    void theCampaignsAreComparedForThePartnerToo() {
        browser.signIn("trip-com-partner", "demo-trip-com-partner");
        browser.go("/app/campaigns");
        String row = "#campaigns-compare tbody tr[data-campaign='toscana-rinascimento'] ";
        assertThat(browser.all(row + "td")).as("views, clicks, bookings, and revenue in each currency apart").hasSize(5);
        assertThat(browser.text(row + "td[data-currency='CNY']")).startsWith("CN¥");
        assertThat(browser.text(row + "td[data-currency='EUR']")).startsWith("€");
        browser.accessible("campaigns-compare");
        browser.go(CAMPAIGN);
        assertThat(column("#funnel-channel")).containsExactly("Ctrip (ctrip-page)", "Trip.com (trip-com-page)", "Ctrip (ctrip-live)");
    }

    @Test
    void anOrgOutsideTheCampaignFindsNoPage() {
        browser.signIn("cinecitta-admin", "demo-cinecitta-admin");
        browser.go(CAMPAIGN);
        assertThat(browser.find("h1").getText()).isEqualTo("Page not found");
        browser.go(CAMPAIGN + "/funnel.csv");
        assertThat(browser.find("h1").getText()).isEqualTo("Page not found");
    }

    @Test
    void loadingTheDemoAgainCountsNothingTwice() {
        JsonNode before = node.get("/v1/campaigns/toscana-rinascimento/funnel", "demo-toscana-promozione-editor").json();
        node.handle().loadDemoNetwork();
        assertThat(node.get("/v1/campaigns/toscana-rinascimento/funnel", "demo-toscana-promozione-editor").json()).isEqualTo(before);
    }
}

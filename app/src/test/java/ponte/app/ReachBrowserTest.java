package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

/**
 * The reach pages in a real browser, on the demo network: the Milano–Cortina co-production's map shades the countries
 * its partners aired it in, a partner sees only its own usage and reports more, an outsider finds no page, and the
 * desk lists who still lacks a correction.
 */
class ReachBrowserTest {
    static final String SPECIAL = "urn:ponte:demo:cctv-plus:milano-cortina-focus-en";

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

    private static List<String> shaded() {
        return browser.all("#reach-map path.country:not(.reach-0)").stream().map(p -> p.getAttribute("data-country")).toList();
    }

    private static List<String> column(String table) {
        return browser.all(table + " tbody th").stream().map(WebElement::getText).toList();
    }

    @Test
    void theCoproductionsOwnerSeesTheSpecialOnTheMapWhereItWasAired() {
        browser.signIn("cctv-plus-editor", "demo-cctv-plus-editor");
        browser.go("/app/reach");
        browser.find("#reach-coproductions a[href='/app/reach?coproduction=milano-cortina-focus']").click();

        assertThat(shaded()).contains("KE", "US", "KR", "BR");
        assertThat(browser.find("#reach-map path[data-country='KR'] title").getAttribute("textContent")).contains("South Korea");
        assertThat(browser.all("#reach-countries tbody tr").stream().map(r -> r.getAttribute("data-country")).toList())
                .contains("KE", "US", "KR", "BR");
        assertThat(column("#reach-countries")).contains("Kenya", "United States", "South Korea", "Brazil");
        assertThat(column("#reach-partner")).contains("CGTN", "Arirang", "Rede Ipê");
        assertThat(browser.find("#reach-csv").getAttribute("href")).endsWith("/app/reach/csv?coproduction=milano-cortina-focus");
        browser.accessible("reach-coproduction");
        browser.driver().executeScript("document.getElementById('map-title').scrollIntoView();");
        browser.shot("reach-coproduction-map");

        browser.go("/app/reach?coproduction=milano-cortina-focus&from=2030-01-01");
        assertThat(shaded()).isEmpty();
        browser.go("/app/reach?coproduction=milano-cortina-focus&from=2026-02-07&to=2026-02-07");
        assertThat(shaded()).contains("KR").doesNotContain("KE");
    }

    @Test
    void theMapSpeaksTheReadersLanguage() {
        browser.signIn("cctv-plus-editor", "demo-cctv-plus-editor");
        browser.go("/app/reach?coproduction=milano-cortina-focus");
        browser.find("#language option[value='ko']").click();
        browser.find(".language button").click();
        browser.waitForText("도달 범위");
        browser.go("/app/reach?coproduction=milano-cortina-focus");
        assertThat(column("#reach-countries")).contains("대한민국", "케냐");
        browser.accessible("reach-coproduction-ko");
        browser.find("#language option[value='en']").click();
        browser.find(".language button").click();
        browser.waitForText("Reach");
    }

    @Test
    void aPartnerSeesOnlyItsOwnUsageAndReportsMore() {
        browser.signIn("cgtn-partner", "demo-cgtn-partner");
        browser.go("/app/portal/usage");
        browser.accessible("portal-usage");
        browser.find("#usage-products a[href='/app/reach?product=cctv-plus-video']").click();
        assertThat(column("#reach-partner")).containsExactly("CGTN");
        assertThat(shaded()).contains("KE", "US").doesNotContain("KR", "BR");
        long reported = Long.parseLong(browser.find("#reach-totals dd:nth-of-type(4)").getText().replaceAll("\\D", ""));

        browser.go("/app/portal/usage");
        browser.fill("item", SPECIAL);
        browser.find("#outlet option[value]:nth-child(2)").click();
        browser.find("#usage option[value='published']").click();
        browser.driver().executeScript("document.getElementById('at').value = '2026-02-08T09:30';");
        browser.fill("audience", "1200");
        browser.find("#usage-form button[type=submit]").click();
        browser.waitForText("Usage reported.");

        browser.go("/app/reach?product=cctv-plus-video");
        assertThat(Long.parseLong(browser.find("#reach-totals dd:nth-of-type(4)").getText().replaceAll("\\D", ""))).isEqualTo(reported + 1);
    }

    @Test
    void aReportForAnItemThePartnerCannotReadIsRefusedInItsLanguageAndChangesNothing() {
        browser.signIn("arirang-partner", "demo-arirang-partner");
        browser.go("/app/portal/usage");
        browser.fill("item", "urn:ponte:demo:nowhere:no-such-item");
        browser.driver().executeScript("document.getElementById('at').value = '2026-02-08T09:30';");
        browser.find("#usage-form button[type=submit]").click();
        browser.waitForText("No item you may read has this URI.");
        assertThat(browser.find("#item").getAttribute("value")).isEqualTo("urn:ponte:demo:nowhere:no-such-item");
        browser.accessible("portal-usage-refused");
    }

    @Test
    void thePagesCsvIsTheApisCsv() {
        browser.signIn("cctv-plus-editor", "demo-cctv-plus-editor");
        browser.go("/app/reach?coproduction=milano-cortina-focus");
        Object csv = browser.driver().executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(document.getElementById('reach-csv').href).then(function (r) { return r.text(); }).then(done);");
        TestNode.Answer api = node.get("/v1/reach?coproduction=milano-cortina-focus", "demo-cctv-plus-editor", "text/csv");
        assertThat(api.status()).isEqualTo(200);
        // Compared line by line: the driver hands a script's string back with its line ends normalised.
        assertThat(((String) csv).lines().toList()).isEqualTo(api.raw().body().lines().toList());
        assertThat((String) csv).contains("facet,country,KR,");
    }

    @Test
    void aPartnerUploadsUsageAsACsvFileAllOrNothing() throws Exception {
        browser.signIn("rede-ipe-partner", "demo-rede-ipe-partner");
        browser.go("/app/reach?product=cctv-plus-video");
        long reported = Long.parseLong(browser.find("#reach-totals dd:nth-of-type(4)").getText().replaceAll("\\D", ""));

        Path bad = dir.resolve("bad.csv");
        java.nio.file.Files.writeString(bad, "id,uri,outlet,usage,at,audience\r\n"
                + "ipe-upload-1," + SPECIAL + ",rede-ipe-1,viewed,2026-02-08T10:00:00Z,500\r\n"
                + "ipe-upload-2," + SPECIAL + ",rede-ipe-1,sung,2026-02-08T11:00:00Z,\r\n");
        browser.go("/app/portal/usage");
        browser.find("#file").sendKeys(bad.toString());
        browser.find("#usage-csv button[type=submit]").click();
        browser.waitForText("Row 3:");
        assertThat(browser.text("#problems")).contains("usage must be aired, published, downloaded or viewed.");

        String outlet = browser.find("#outlet option").getAttribute("value");
        Path good = dir.resolve("good.csv");
        java.nio.file.Files.writeString(good, "\uFEFFid,uri,outlet,usage,at,audience\r\n"
                + "ipe-upload-1," + SPECIAL + "," + outlet + ",viewed,2026-02-08T10:00:00Z,500\r\n"
                + "ipe-upload-2," + SPECIAL + "," + outlet + ",aired,2026-02-08T11:00:00Z,\r\n");
        browser.find("#file").sendKeys(good.toString());
        browser.find("#usage-csv button[type=submit]").click();
        browser.waitForText("The file's usage reports were taken.");

        browser.go("/app/reach?product=cctv-plus-video");
        assertThat(Long.parseLong(browser.find("#reach-totals dd:nth-of-type(4)").getText().replaceAll("\\D", ""))).isEqualTo(reported + 2);
    }

    @Test
    void anOrgOutsideTheCoproductionFindsNoReachPage() {
        browser.signIn("cinecitta-admin", "demo-cinecitta-admin");
        browser.go("/app/reach?coproduction=milano-cortina-focus");
        assertThat(browser.find("h1").getText()).isEqualTo("Page not found");
        browser.go("/app/reach/csv?coproduction=milano-cortina-focus");
        assertThat(browser.find("h1").getText()).isEqualTo("Page not found");
    }

    @Test
    void theDeskListsWhoStillLacksACorrectionUntilTheyReadIt() {
        String id = node.publish("demo-cctv-plus-editor", TestNode.ninjs("en", "Curling semi-final moved"), "cctv-plus-video").get("id").asString();
        TestNode.Answer corrected = node.put("/v1/items/" + id, "demo-cctv-plus-editor",
                TestNode.reviseBody(TestNode.ninjs("en", "Curling semi-final moved to Sunday"), "correction"));
        assertThat(corrected.status()).as(corrected.raw().body()).isEqualTo(200);

        browser.signIn("cctv-plus-editor", "demo-cctv-plus-editor");
        browser.go("/app/desk/items/" + id);
        assertThat(browser.find("#recipients-table tr[data-partner='cgtn']").getAttribute("data-state")).isEqualTo("outstanding");
        browser.find("#recipients form button").click();
        browser.waitForText("Recipients still without the latest version");
        assertThat(browser.all("#recipients-table tbody tr").stream().map(r -> r.getAttribute("data-state")).distinct().toList())
                .containsExactly("outstanding");
        browser.accessible("desk-recipients");

        // Reads in the portal count as the API's do: CGTN opens the item, Arirang's newest entries page shows the correction.
        browser.signIn("cgtn-partner", "demo-cgtn-partner");
        browser.go("/app/portal/items/" + id);
        browser.waitForText("Curling semi-final moved to Sunday");
        browser.signIn("arirang-partner", "demo-arirang-partner");
        browser.go("/app/portal");
        browser.waitForText("Curling semi-final moved to Sunday");

        browser.signIn("cctv-plus-editor", "demo-cctv-plus-editor");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            browser.go("/app/desk/items/" + id);
            return "read".equals(browser.find("#recipients-table tr[data-partner='cgtn']").getAttribute("data-state"))
                    && "read".equals(browser.find("#recipients-table tr[data-partner='arirang']").getAttribute("data-state"));
        });
        browser.go("/app/desk/items/" + id + "?outstanding=1");
        assertThat(browser.all("#recipients-table tr[data-partner='cgtn']")).isEmpty();
        assertThat(browser.all("#recipients-table tr[data-partner='rede-ipe']")).hasSize(1);
    }
}

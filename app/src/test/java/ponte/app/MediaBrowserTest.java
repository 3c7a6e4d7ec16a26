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
 * Media in the partner portal, in a real browser: the demo's Milano–Cortina special carries a real clip, and CGTN's
 * portal plays it from the links signed for CGTN, with its poster and a subtitle track per language, and lists every
 * file to download.
 */
class MediaBrowserTest {
    @TempDir
    static Path dir;
    static TestNode node;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        node = new TestNode(dir);
        node.handle().loadDemoNetwork();
        DemoMedia.Outcome made = node.handle().loadDemoMedia();
        assertThat(made.media()).as(made.said()).isPresent();
        browser = new Browser(node.base);
    }

    @AfterAll
    static void stop() throws Exception {
        browser.close();
        node.close();
    }

    @Test
    void cgtnPlaysTheSpecialsClipWithPosterAndSubtitlesFromLinksSignedForIt() {
        JsonNode special = node.get("/v1/feed?limit=500", "demo-cgtn-partner").json().get("entries").valueStream()
                .map(e -> e.get("item")).filter(i -> i.get("uri").asString().equals(DemoMedia.SPECIAL))
                .reduce((first, later) -> later).orElseThrow();
        String id = special.get("altIds").get(special.get("altIds").size() - 1).get("value").asString();

        browser.signIn("cgtn-partner", "demo-cgtn-partner");
        browser.go("/app/portal/items/" + id);
        WebElement video = browser.find("#media video");
        String src = video.getAttribute("src");
        assertThat(src).startsWith(node.base + "/v1/media/").contains("org=cgtn", "&sig=");
        assertThat(node.bytes(src.substring(node.base.length()), null).statusCode()).as("signed link, no key").isEqualTo(200);
        assertThat(video.getAttribute("poster")).contains("/renditions/poster?org=cgtn");
        assertThat(node.bytes(video.getAttribute("poster").substring(node.base.length()), null).statusCode()).isEqualTo(200);
        List<String> languages = browser.all("#media video track[kind=subtitles]").stream().map(t -> t.getAttribute("srclang")).toList();
        assertThat(languages).contains("it", "zh-Hans", "en");
        assertThat(browser.text("#media-files")).contains("proxy", "poster", "subtitles-zh-Hans", "video/mp4");
        browser.accessible("media-1-portal-special");
    }

    @Test
    void cctvPlusDeskListsTheSpecialsRenditions() {
        JsonNode special = node.get("/v1/feed?limit=500", "demo-cgtn-partner").json().get("entries").valueStream()
                .map(e -> e.get("item")).filter(i -> i.get("uri").asString().equals(DemoMedia.SPECIAL))
                .reduce((first, later) -> later).orElseThrow();
        String id = special.get("altIds").get(special.get("altIds").size() - 1).get("value").asString();

        browser.signIn("cctv-plus-editor", "demo-cctv-plus-editor");
        browser.go("/app/desk/items/" + id);
        assertThat(browser.text("#media-files")).contains("proxy", "poster", "subtitles-it", "video/mp4");
        browser.accessible("media-2-desk-special");
    }

    @Test
    void italpressUploadsAPhotoFromTheDeskAndFollowsItToReady() throws Exception {
        Path photo = new Clips(java.nio.file.Files.createDirectories(dir.resolve("clips"))).photo;
        browser.signIn("italpress-editor", "demo-italpress-editor");
        browser.go("/app/desk/upload");
        browser.accessible("media-3-upload");
        browser.find("#file").sendKeys(photo.toAbsolutePath().toString());
        browser.find("form[action^='/app/desk/media'] button[type=submit]").click();
        browser.waitForText("image/jpeg");
        String page = browser.driver().getCurrentUrl();
        assertThat(page).contains("/app/desk/media/");
        for (int i = 0; i < 60 && !browser.text("#media-state").equals("ready"); i++) {
            Thread.sleep(500);
            browser.driver().navigate().refresh();
        }
        assertThat(browser.text("#media-state")).isEqualTo("ready");
        assertThat(browser.text("#media-files")).contains("large", "image/jpeg");
        browser.accessible("media-4-ready");

        String id = page.substring(page.lastIndexOf('/') + 1);
        browser.signIn("cctv-plus-editor", "demo-cctv-plus-editor");
        browser.go("/app/desk/media/" + id);
        assertThat(browser.text("main")).as("another org's file does not exist for it").doesNotContain("image/jpeg");
    }

    @Test
    void anUploadWithoutTheFormsCsrfTokenIsRefused() throws Exception {
        browser.signIn("italpress-editor", "demo-italpress-editor");
        String cookies = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        String body = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.jpg\"\r\nContent-Type: image/jpeg\r\n\r\nxyz\r\n--b--\r\n";
        java.net.http.HttpResponse<String> got = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(node.base + "/app/desk/media")).header("Cookie", cookies)
                .header("Content-Type", "multipart/form-data; boundary=b").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(got.statusCode()).isEqualTo(403);
    }
}

package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Media attached from the desk, in a real browser: an Italpress editor composes an item with the org's photo (the
 * same rule as the API's {@code "media"}: its renditions go out in the item), the desk previews the org's own files
 * through the session, and CCTV+'s portal shows the photo from the link signed for it; an item naming a clip still
 * processing waits on the desk, then goes out.
 */
class DeskMediaBrowserTest {
    @TempDir
    static Path dir;
    static TestNode node;
    static Browser browser;
    static Clips clips;

    @BeforeAll
    static void start() throws Exception {
        node = new TestNode(dir);
        node.handle().loadDemoNetwork();
        clips = new Clips(Files.createDirectories(dir.resolve("clips")));
        browser = new Browser(node.base);
    }

    @AfterAll
    static void stop() throws Exception {
        browser.close();
        node.close();
    }

    @Test
    void italpressAttachesItsPhotoToAnItemAndCctvPlusPortalShowsIt() throws Exception {
        String photo = node.send("POST", "/v1/media?filename=rialto.jpg", "demo-italpress-editor", "image/jpeg", Clips.read(clips.photo))
                .json().get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> node.get("/v1/media/" + photo, "demo-italpress-editor").json().get("state").asString().equals("ready"));

        browser.signIn("italpress-editor", "demo-italpress-editor");
        browser.go("/app/desk/media/" + photo);
        String preview = browser.find("main img").getAttribute("src");
        assertThat(preview).isEqualTo(node.base + "/app/desk/media/" + photo + "/renditions/large");
        HttpResponse<byte[]> own = asSignedIn(preview);
        assertThat(own.statusCode()).as("the desk's own file, by the session alone").isEqualTo(200);
        assertThat(own.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(own.body()).hasSizeGreaterThan(1000);
        HttpResponse<byte[]> part = asSignedIn(preview, "Range", "bytes=100-199");
        assertThat(part.statusCode()).as("a player seeking asks for a range").isEqualTo(206);
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(own.body(), 100, 200));
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 100-199/" + own.body().length);

        browser.go("/app/desk/new");
        browser.fill("headline", "Venezia, il Ponte di Rialto in una foto");
        new Select(browser.find("#language")).selectByValue("it");
        browser.find("#product-italpress-news").click();
        assertThat(browser.text("#attach")).contains("rialto.jpg", "photo", "ready");
        browser.find("#media-" + photo).click();
        browser.accessible("desk-media-1-compose");
        browser.find("form[action='/app/desk/new'] button[type=submit]").click();
        browser.waitForText("Published.");
        String itemUrl = browser.driver().getCurrentUrl().replaceAll("\\?.*", "");
        String id = itemUrl.substring(itemUrl.lastIndexOf('/') + 1);
        assertThat(browser.find("#media img").getAttribute("src")).isEqualTo(node.base + "/app/desk/media/" + photo + "/renditions/large");
        assertThat(browser.text("#media-files")).contains("large", "image/jpeg");
        browser.accessible("desk-media-2-published");

        var fed = node.get("/v1/items/" + id, "demo-italpress-editor").json();
        assertThat(fed.toString()).as("the item carries the renditions as an API publish does").contains("/v1/media/" + photo + "/renditions/large");
        var published = node.get("/v1/audit?action=item.publish&limit=100", "demo-italpress-admin").json().get("items").valueStream()
                .filter(e -> e.get("target").get("id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(published.get("actor").get("kind").asString()).isEqualTo("user");
        assertThat(published.get("actor").get("user").asString()).as("the audit trail names the person").isEqualTo("italpress-editor");
        assertThat(published.get("actor").get("org").asString()).isEqualTo("italpress");

        browser.go("/app/desk/items/" + id + "/edit");
        assertThat(browser.find("#media-" + photo).isSelected()).as("the edit form keeps what the item carries").isTrue();

        browser.signIn("cctv-plus-partner", "demo-cctv-plus-partner");
        browser.go("/app/portal/items/" + id);
        String src = browser.find("#media img").getAttribute("src");
        assertThat(src).startsWith(node.base + "/v1/media/" + photo + "/renditions/large?").contains("org=cctv-plus", "&sig=");
        assertThat(node.bytes(src.substring(node.base.length()), null).statusCode()).as("signed link, no key").isEqualTo(200);
        browser.accessible("desk-media-3-portal");
        assertThat(asSignedIn(preview).statusCode()).as("another org's desk route, even for an entitled partner's person").isEqualTo(404);

        browser.signIn("cgtn-editor", "demo-cgtn-editor");
        assertThat(asSignedIn(node.base + "/app/desk/media/" + photo + "/renditions/large").statusCode()).isEqualTo(404);
    }

    @Test
    void anItemNamingAClipStillProcessingWaitsOnTheDeskThenGoesOut() {
        // Long enough that its renditions take seconds: the publish below comes while it is processing.
        Path longer = Clips.make(dir.resolve("clips").resolve("longer.mp4"), "-f", "lavfi", "-i", "testsrc=size=1280x720:rate=25:duration=8",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
        String clip = node.send("POST", "/v1/media?filename=rialto.mp4", "demo-italpress-editor", "video/mp4", Clips.read(longer))
                .json().get("id").asString();

        browser.signIn("italpress-editor", "demo-italpress-editor");
        browser.go("/app/desk/new");
        browser.fill("headline", "Rialto, il video del restauro");
        browser.find("#product-italpress-news").click();
        assertThat(browser.text("#attach")).contains("rialto.mp4", "video", "processing");
        browser.find("#media-" + clip).click();
        browser.find("form[action='/app/desk/new'] button[type=submit]").click();
        browser.waitForText("Waiting for media");
        assertThat(browser.text("#waiting")).contains("Rialto, il video del restauro", clip);
        browser.accessible("desk-media-4-waiting");

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            browser.go("/app/desk");
            return browser.all("#waiting").isEmpty() && browser.text("#desk-rows").contains("Rialto, il video del restauro");
        });
        browser.driver().findElement(By.linkText("Rialto, il video del restauro")).click();
        browser.waitForText("proxy");
        assertThat(browser.find("#media video").getAttribute("src")).startsWith(node.base + "/app/desk/media/" + clip + "/renditions/");
    }

    /** A GET with the browser's cookies: what the desk's player or image asks for. */
    private static HttpResponse<byte[]> asSignedIn(String url, String... headers) throws Exception {
        String cookies = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}

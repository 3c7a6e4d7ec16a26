package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import ponte.formats.NinjsWriter;
import tools.jackson.databind.JsonNode;

/**
 * Debian's headless Chromium, driven through its own chromedriver (Selenium never downloads a browser), with what
 * the browser tests ask of a page: sign in, screenshots kept under target/browser-screenshots, and axe-core's verdict.
 * One per test class: starting Chromium costs about a second.
 */
final class Browser implements AutoCloseable {
    static final Path SHOTS = Path.of("target", "browser-screenshots");
    private static final String AXE = readAxe();

    private final ChromeDriver driver;
    private final String base;

    Browser(String base) {
        this.base = base;
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    ChromeDriver driver() {
        return driver;
    }

    void go(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    /** Waits until the page shows {@code text} somewhere (live updates, redirects after a form). */
    void waitForText(String text) {
        // The page may be replaced while it is read (a redirect after a form): whatever the driver says of a body that
        // went away (stale, missing, "does not belong to the document"), it is read again until the wait ends.
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    /** Signs in through the form, as a person does, after signing out whoever was signed in. */
    void signIn(String username, String password) {
        driver.manage().deleteAllCookies();
        go("/");
        find("input[name=username]").sendKeys(username);
        find("input[name=password]").sendKeys(password);
        find("form[action='/app/sign-in'] button[type=submit]").click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> !d.getCurrentUrl().endsWith("/app/sign-in"));
    }

    /** Fills a form field by its label's "for" (the field's id). */
    void fill(String id, String value) {
        WebElement field = find("#" + id);
        field.clear();
        field.sendKeys(value);
    }

    /** Keeps a screenshot of the page as a test artefact. */
    Path shot(String name) {
        try {
            Files.createDirectories(SHOTS);
            Path target = SHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe-core's serious and critical violations on the page as it is now, each as "rule: target…". */
    List<String> seriousViolations() {
        JavascriptExecutor js = driver;
        // Scripts a test runs come through the driver, not the page: the page's Content-Security-Policy does not apply.
        js.executeScript(AXE);
        Object json = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) { done(JSON.stringify(r.violations)); })"
                + ".catch(function (e) { done(JSON.stringify([{id: 'axe-failed', impact: 'critical', help: String(e), nodes: []}])); });");
        List<String> serious = new ArrayList<>();
        for (JsonNode v : NinjsWriter.mapper().readTree((String) json)) {
            String impact = v.path("impact").asString("");
            if (impact.equals("serious") || impact.equals("critical")) {
                List<String> targets = new ArrayList<>();
                v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
                serious.add(v.path("id").asString() + " (" + impact + "): " + v.path("help").asString() + " at " + targets);
            }
        }
        return serious;
    }

    /** Asserts axe-core finds nothing serious or critical on the page, and keeps its screenshot. */
    void accessible(String name) {
        shot(name);
        assertThat(seriousViolations()).as("axe-core on " + name).isEmpty();
    }

    private static String readAxe() {
        try (InputStream in = Browser.class.getResourceAsStream("/axe-core/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}

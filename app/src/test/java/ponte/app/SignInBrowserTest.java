package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

/** Signing in, in a real browser: what a newcomer to the demo does first. */
class SignInBrowserTest {
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
    void anEditorSignsInFromTheRootAndTheSignInPageIsAccessible() {
        browser.driver().manage().deleteAllCookies();
        browser.go("/");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/app/sign-in");
        browser.accessible("sign-in");

        browser.signIn("italpress-editor", "demo-italpress-editor");

        assertThat(browser.text("header .who")).contains("italpress-editor");
        browser.accessible("home-italpress-editor");
    }

    @Test
    void aWrongPasswordIsSaidInAnAlertThatTakesFocus() {
        browser.driver().manage().deleteAllCookies();
        browser.go("/app/sign-in");
        browser.fill("username", "italpress-editor");
        browser.fill("password", "not-the-password");
        browser.find("#password").sendKeys(Keys.ENTER);

        browser.waitForText("not right");
        assertThat(browser.driver().switchTo().activeElement().getAttribute("class")).contains("error-summary");
        browser.accessible("sign-in-failed");
    }

    @Test
    void theFirstTabReachesTheSkipLinkWhichIsThenVisible() {
        browser.driver().manage().deleteAllCookies();
        browser.go("/app/sign-in");

        browser.find("body").sendKeys(Keys.TAB);

        var focused = browser.driver().switchTo().activeElement();
        assertThat(focused.getAttribute("class")).isEqualTo("skip");
        assertThat(focused.getRect().getX()).isGreaterThanOrEqualTo(0);
    }

    /** The harness itself: axe-core, as injected, does see a field without a label, so a clean verdict means something. */
    @Test
    void axeCoreAsInjectedFindsAnUnlabelledField() {
        browser.driver().get("data:text/html,<!DOCTYPE html><html lang=en><head><title>t</title></head><body><main><input type=text></main></body></html>");

        assertThat(browser.seriousViolations()).anySatisfy(v -> assertThat(v).startsWith("label"));
    }
}

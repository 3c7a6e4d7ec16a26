package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.Select;

/** The UI in Chinese and Korean: chosen from the menu, rendered with a CJK font, dates in the reader's form. */
class LanguagesBrowserTest {
    @TempDir
    static Path dir;
    static TestNode node;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        node = new TestNode(dir);
        node.handle().loadDemoNetwork();
        browser = new Browser(node.base);
        browser.signIn("cgtn-partner", "demo-cgtn-partner");
    }

    @AfterAll
    static void stop() throws Exception {
        browser.close();
        node.close();
    }

    void choose(String language) {
        new Select(browser.find("#language")).selectByValue(language);
        browser.find("form.language button[type=submit]").click();
    }

    @Test
    void simplifiedChineseRendersWithACjkFontAndChineseDates() throws Exception {
        browser.go("/app/portal");
        choose("zh-Hans");
        browser.waitForText("合作方门户");

        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("zh-Hans");
        // Without a CJK font every character is the same empty box: two different characters drawn in the page's own
        // font must give different pixels (Debian's fonts-noto-cjk provides the glyphs).
        Object distinct = browser.driver().executeScript("var font = '32px ' + getComputedStyle(document.querySelector('h1')).fontFamily;"
                + "function draw(ch) { var c = document.createElement('canvas'); c.width = 40; c.height = 40; var g = c.getContext('2d');"
                + " g.font = font; g.fillText(ch, 2, 32); return c.toDataURL(); }"
                + "return draw('门') !== draw('户') && draw('门') !== draw('\\u0378');");
        assertThat(distinct).as("Chinese characters render as glyphs, not boxes").isEqualTo(true);
        assertThat(browser.text("#portal-feed")).containsPattern("\\d{4}年\\d{1,2}月\\d{1,2}日");
        Path shot = browser.shot("cjk-portal-zh-Hans");
        assertThat(Files.size(shot)).isGreaterThan(10_000);
        browser.accessible("cjk-portal-zh-Hans");
    }

    @Test
    void koreanRendersWithKoreanDates() {
        browser.go("/app/portal");
        choose("ko");
        browser.waitForText("파트너 포털");

        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("ko");
        assertThat(browser.text("#portal-feed")).containsPattern("\\d{4}\\. \\d{1,2}\\. \\d{1,2}\\.");
        browser.accessible("cjk-portal-ko");
    }

    @Test
    void italianShowsItalianDates() {
        browser.go("/app/portal");
        choose("it");
        browser.waitForText("Portale partner");

        assertThat(browser.text("#portal-feed")).containsPattern("\\d{1,2} [a-z]{3} \\d{4}");
        choose("en");
    }

    @Test
    void refusalsOnTheDeskFormReadInTheEditorsLanguage() {
        browser.signIn("italpress-editor", "demo-italpress-editor");
        try {
            browser.go("/app/desk/new");
            choose("ko");
            browser.waitForText("제목");
            browser.go("/app/desk/new");
            browser.fill("headline", "코리아 헤드라인");
            browser.fill("include", "XYZ");
            browser.find("form[action='/app/desk/new'] button[type=submit]").click();
            browser.waitForText("두 글자 코드");
            assertThat(browser.text(".error-summary")).contains("국가는 두 글자 코드(IT, CN, KR)로 입력하고").doesNotContain("territories");
            browser.accessible("problem-ko");

            choose("it");
            browser.go("/app/desk/new");
            browser.fill("headline", "Titolo");
            browser.driver().executeScript("document.getElementById('attach').insertAdjacentHTML('beforeend',"
                    + " '<input type=\\'checkbox\\' name=\\'media\\' value=\\'no-such-file\\' checked>')");
            browser.find("form[action='/app/desk/new'] button[type=submit]").click();
            browser.waitForText("Uno dei file multimediali non può essere allegato");
        } finally {
            choose("en");
            browser.signIn("cgtn-partner", "demo-cgtn-partner");
        }
    }
}

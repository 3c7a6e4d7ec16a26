package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Links by email when the operator names an SMTP server (PONTE_SMTP_URL): a real one runs in this JVM (GreenMail). An
 * admin's invitation reaches the address given, in the admin's language, and the emailed link opens the welcome; the
 * link is still shown on the page; an address that is none loses nothing.
 */
class InvitationMailBrowserTest {
    @TempDir
    static Path dir;
    static GreenMail smtp;
    static TestNode node;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        node = new TestNode(TestDatabase.settingsFor(dir, TestNode.ADMIN)
                .withSmtp("smtp://127.0.0.1:" + smtp.getSmtp().getPort() + "?from=ponte%40example.org"), Clock.systemUTC());
        node.handle().loadDemoNetwork();
        browser = new Browser(node.base);
    }

    @AfterAll
    static void stop() throws Exception {
        browser.close();
        node.close();
        smtp.stop();
    }

    @Test
    void anInvitationIsEmailedAndItsLinkOpensTheWelcome() throws Exception {
        browser.signIn("italpress-admin", "demo-italpress-admin");
        browser.go("/app/admin/invite");
        browser.fill("org-id", "tvb");
        browser.fill("org-name", "TVB");
        browser.fill("org-country", "HK");
        browser.fill("email", "desk@tvb.example");
        browser.accessible("mail-1-invite");
        browser.find("form[action='/app/admin/invite'] button[type=submit]").click();
        browser.waitForText("TVB is on the network");
        assertThat(browser.text("#mailed")).isEqualTo("The link was also emailed to desk@tvb.example.");
        String shown = browser.text("#link");

        MimeMessage[] got = smtp.getReceivedMessages();
        assertThat(got).hasSize(1);
        assertThat(got[0].getAllRecipients()[0].toString()).isEqualTo("desk@tvb.example");
        assertThat(got[0].getSubject()).isEqualTo("Your invitation to Ponte");
        assertThat(GreenMailUtil.getBody(got[0])).contains(shown);

        browser.signIn("italpress-admin", "demo-italpress-admin");
        browser.go("/app/admin/users");
        browser.fill("username", "italpress-desk");
        browser.fill("email", "not an address");
        browser.driver().executeScript("document.getElementById('email').type = 'text'"); // past the browser's own check
        browser.find("form[action='/app/admin/users'] button[type=submit]").click();
        browser.waitForText("could not be emailed");
        assertThat(browser.text("#link")).contains("/app/welcome/");
        assertThat(smtp.getReceivedMessages()).hasSize(1);

        browser.driver().manage().deleteAllCookies();
        browser.driver().get(shown);
        browser.fill("password", "tvb-secret-123");
        browser.fill("confirm", "tvb-secret-123");
        browser.find("form[action^='/app/welcome/'] button[type=submit]").click();
        browser.waitForText("Welcome, tvb");
    }
}

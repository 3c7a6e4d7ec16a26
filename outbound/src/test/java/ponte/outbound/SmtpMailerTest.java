package ponte.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ponte.core.Invalid;
import ponte.core.accounts.Mailer;

/** Links sent through a real SMTP server (GreenMail, in this JVM, on a free port). */
class SmtpMailerTest {
    private GreenMail server;

    @BeforeEach
    void start() {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private String url() {
        return "smtp://127.0.0.1:" + server.getSmtp().getPort() + "?from=ponte%40example.org";
    }

    @Test
    void aLinkArrivesFromTheConfiguredSenderInUtf8() throws Exception {
        SmtpMailer.of(url()).send("admin@kbs.example", "Ponte: 초대", "https://ponte.example/app/welcome/abc\n");

        MimeMessage[] got = server.getReceivedMessages();
        assertThat(got).hasSize(1);
        assertThat(got[0].getSubject()).isEqualTo("Ponte: 초대");
        assertThat(got[0].getFrom()[0].toString()).isEqualTo("ponte@example.org");
        assertThat(got[0].getAllRecipients()[0].toString()).isEqualTo("admin@kbs.example");
        assertThat(GreenMailUtil.getBody(got[0])).contains("/app/welcome/abc");
    }

    @Test
    void aServerAskingForLoginGetsTheUrlsCredentials() {
        server.setUser("ponte@example.org", "ponte", "s3cret:&/");
        SmtpMailer.of("smtp://ponte:s3cret%3A%26%2F@127.0.0.1:" + server.getSmtp().getPort() + "?from=ponte%40example.org")
                .send("admin@kbs.example", "Ponte", "link");
        assertThat(server.getReceivedMessages()).hasSize(1);
    }

    @Test
    void anAddressThatIsNoneIsRefusedAtTheField() {
        assertThatThrownBy(() -> SmtpMailer.of(url()).send("not an address", "Ponte", "link"))
                .isInstanceOf(Invalid.class).satisfies(e -> assertThat(((Invalid) e).violations().getFirst().pointer()).isEqualTo("/email"));
        assertThat(server.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatIsGoneIsSaidSoWithinTheTimeout() {
        SmtpMailer mailer = SmtpMailer.of(url());
        server.stop();
        long started = System.nanoTime();
        assertThatThrownBy(() -> mailer.send("admin@kbs.example", "Ponte", "link")).isInstanceOf(Mailer.NotSent.class);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(SmtpMailer.TIMEOUT.multipliedBy(2));
    }

    @Test
    void aUrlItCannotUseIsRefusedWithWhy() {
        assertThatThrownBy(() -> SmtpMailer.of("http://mail.example")).hasMessageContaining("smtp://");
        assertThatThrownBy(() -> SmtpMailer.of("smtp://mail.example:25")).hasMessageContaining("from=");
    }
}

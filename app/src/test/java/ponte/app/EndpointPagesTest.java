package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.core.delivery.Schedule;
import ponte.delivery.DeliverySettings;

/** A partner's webhook endpoints in the portal, against a real receiver: secret shown once, log, dead letters, re-send. */
class EndpointPagesTest {
    @TempDir
    static Path dir;
    static TestNode node;
    static Receiver receiver;

    @BeforeAll
    static void start() throws Exception {
        DeliverySettings delivery = DeliverySettings.defaults().allowingPrivate(true).withSchedule(Schedule.parse("0,20"))
                .withTimeout(Duration.ofSeconds(1)).withPoll(Duration.ofMillis(200));
        node = new TestNode(dir, Clock.systemUTC(), delivery);
        node.handle().loadDemoNetwork();
        receiver = new Receiver();
    }

    @AfterAll
    static void stop() throws Exception {
        receiver.close();
        node.close();
    }

    static WebClient partner() {
        WebClient web = new WebClient(node.base);
        web.signIn("cctv-plus-partner", "demo-cctv-plus-partner");
        return web;
    }

    static String create(WebClient web, String path) {
        web.get("/app/portal/endpoints");
        String page = web.post("/app/portal/endpoints", Map.of("url", receiver.url(path), "format", "ninjs")).body();
        Matcher secret = Pattern.compile("id=\"secret\">(whsec_[^<]+)<").matcher(page);
        assertThat(secret.find()).isTrue();
        Matcher id = Pattern.compile("href=\"/app/portal/endpoints/([^\"]+)\"").matcher(page);
        assertThat(id.find()).isTrue();
        assertThat(web.get("/app/portal/endpoints").body()).contains(receiver.url(path)).doesNotContain(secret.group(1));
        return id.group(1);
    }

    @Test
    void anEndpointMadeInThePortalReceivesItemsAndItsLogShowsThem() {
        WebClient web = partner();
        String id = create(web, "/hook");

        node.publish("demo-italpress-editor", TestNode.ninjs("it", "Al webhook"), "italpress-news");

        await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.hits("/hook").isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> web.get("/app/portal/endpoints/" + id).body().contains("HTTP 200"));
    }

    @Test
    void aDeadLetterIsReSentFromThePortal() {
        receiver.answer("/failing", 500);
        WebClient web = partner();
        String id = create(web, "/failing");
        node.publish("demo-italpress-editor", TestNode.ninjs("it", "Lettera morta"), "italpress-news");
        await().atMost(Duration.ofSeconds(15)).until(() -> web.get("/app/portal/endpoints/" + id).body().contains("Re-send all"));
        receiver.answer("/failing", 200);

        web.get("/app/portal/endpoints/" + id);
        assertThat(web.post("/app/portal/endpoints/" + id + "/resend", Map.of()).status()).isEqualTo(303);

        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.hits("/failing").stream().anyMatch(h -> h.answered() == 200));
    }

    @Test
    void anotherOrgsEndpointIsNotFound() {
        String id = create(partner(), "/private");
        WebClient other = new WebClient(node.base);
        other.signIn("cgtn-partner", "demo-cgtn-partner");

        assertThat(other.get("/app/portal/endpoints/" + id).status()).isEqualTo(404);
    }
}

package ponte.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import ponte.core.delivery.Secret;

/** Ponte's signer against the Standard Webhooks known-answer vector and the reference library. */
class SignerTest {
    @Test
    void matchesTheSpecsKnownAnswerVector() throws Exception {
        Properties vector = new Properties();
        try (var in = SignerTest.class.getResourceAsStream("standard-webhooks-vector.properties")) {
            vector.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        String signature = Signer.signature(new Secret(vector.getProperty("secret")), vector.getProperty("id"),
                Long.parseLong(vector.getProperty("timestamp")), vector.getProperty("body").getBytes(StandardCharsets.UTF_8));
        assertThat(signature).isEqualTo(vector.getProperty("signature"));
    }

    @Test
    void agreesWithTheReferenceLibraryOnGeneratedSecretsAndBodies() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 50; i++) {
            Secret secret = Secret.generate(random);
            String body = "{\"n\":" + random.nextLong() + ",\"text\":\"città 新闻 뉴스\"}";
            long now = Instant.now().getEpochSecond();
            String ours = Signer.header(List.of(secret), "msg_" + i, now, body.getBytes(StandardCharsets.UTF_8));
            assertThat(ours).isEqualTo(new Webhook(secret.value()).sign("msg_" + i, now, body));
            new Webhook(secret.value()).verify(body, headers("msg_" + i, now, ours));
        }
    }

    @Test
    void duringARotationEitherSecretVerifiesAndNoOtherDoes() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        Secret old = Secret.generate(random);
        Secret fresh = Secret.generate(random);
        long now = Instant.now().getEpochSecond();
        String body = "{\"type\":\"item.published\"}";
        String header = Signer.header(List.of(fresh, old), "msg_rot", now, body.getBytes(StandardCharsets.UTF_8));
        assertThat(header.split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        new Webhook(old.value()).verify(body, headers("msg_rot", now, header));
        new Webhook(fresh.value()).verify(body, headers("msg_rot", now, header));
        assertThatThrownBy(() -> new Webhook(Secret.generate(random).value()).verify(body, headers("msg_rot", now, header)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(fresh.value()).verify(body + " ", headers("msg_rot", now, header)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)), "webhook-signature", List.of(signature));
    }
}

package ponte.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import ponte.core.delivery.Secret;

/** Ponte's signer against the Standard Webhooks known-answer vector and the reference library. */
class SignerTest {
    @Test
    void matchesTheSpecsKnownAnswerVector() {
        // From the spec's test suite, as recorded in ../shared/standards/README.md.
        Secret secret = new Secret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        String signature = Signer.signature(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
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

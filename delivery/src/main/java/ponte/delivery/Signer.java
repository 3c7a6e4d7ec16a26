package ponte.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ponte.core.delivery.Secret;

/**
 * Standard Webhooks signatures: {@code v1,<base64 HMAC-SHA256(key, id "." timestamp "." body)>}, one per secret,
 * space-separated (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md#signature-scheme).
 */
public final class Signer {
    private Signer() {}

    /** The webhook-signature header value: every secret's signature, current first. */
    public static String header(List<Secret> secrets, String id, long timestamp, byte[] body) {
        return secrets.stream().map(s -> signature(s, id, timestamp, body)).collect(Collectors.joining(" "));
    }

    public static String signature(Secret secret, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}

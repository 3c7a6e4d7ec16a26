package ponte.core.delivery;

import java.util.Base64;
import java.util.random.RandomGenerator;
import ponte.core.Invalid;

/**
 * A Standard Webhooks signing secret: {@code whsec_} and the base64 of the key bytes. The key is what signs; the
 * prefix only tells people what the string is. See https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md
 */
public record Secret(String value) {
    public static final String PREFIX = "whsec_";
    // 24 bytes = 192 bits, as the reference implementations generate; HMAC-SHA256 keys beyond 64 bytes gain nothing.
    private static final int KEY_BYTES = 24;

    public Secret {
        if (value == null || !value.startsWith(PREFIX)) {
            throw new Invalid("/secret", "a secret starts with " + PREFIX);
        }
        try {
            int length = Base64.getDecoder().decode(value.substring(PREFIX.length())).length;
            if (length < 16 || length > 64) {
                throw new Invalid("/secret", "a secret holds 16 to 64 bytes");
            }
        } catch (IllegalArgumentException e) {
            throw new Invalid("/secret", "a secret is " + PREFIX + " followed by base64");
        }
    }

    public static Secret generate(RandomGenerator random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return new Secret(PREFIX + Base64.getEncoder().encodeToString(key));
    }

    /** The HMAC key. */
    public byte[] key() {
        return Base64.getDecoder().decode(value.substring(PREFIX.length()));
    }

    @Override
    public String toString() {
        return PREFIX + "…"; // never in logs
    }
}

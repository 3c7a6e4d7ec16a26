package ponte.core.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import ponte.core.Invalid;

/**
 * A key's public name: the first 16 hex digits of the SHA-256 digest of its secret. Derived rather than drawn, so
 * whoever finds a leaked secret can name the key to revoke without anyone looking it up; 64 bits of a digest of 256
 * random bits say nothing about the secret. Hex digits are Crockford base32 characters, so a key id looks like any
 * other assigned id.
 */
public record KeyId(String value) {
    private static final Pattern FORM = Pattern.compile("[0-9a-f]{16}");

    public KeyId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new Invalid("/id", "a key id is 16 lower-case hex digits");
        }
    }

    /** The id of the key with this secret. */
    public static KeyId of(String secret) {
        return new KeyId(sha256Hex(secret).substring(0, 16));
    }

    /** The SHA-256 digest of a secret in lower-case hex: what a store keeps instead of the secret. */
    public static String sha256Hex(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

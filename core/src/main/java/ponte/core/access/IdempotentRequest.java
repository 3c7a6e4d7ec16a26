package ponte.core.access;

/**
 * A request made under an {@code Idempotency-Key}: whose key sent it, the client's key for it, and a fingerprint of
 * what was asked (method, path and body), so a retry can be told from another request under the same key.
 *
 * @param keyId          the public id of the API key that sent it (keys are scoped to it: another key's are another's)
 * @param idempotencyKey the client's key, 1 to 255 printable ASCII characters (draft-ietf-httpapi-idempotency-key-header)
 * @param fingerprint    a digest of the request, compared for equality only
 */
public record IdempotentRequest(String keyId, String idempotencyKey, String fingerprint) {
    public static final int MAX_KEY_LENGTH = 255;

    public IdempotentRequest {
        if (keyId.isEmpty() || fingerprint.isEmpty()) {
            throw new IllegalArgumentException("a key id and a fingerprint are required");
        }
        if (!isKey(idempotencyKey)) {
            throw new IllegalArgumentException("an idempotency key is 1 to " + MAX_KEY_LENGTH + " printable ASCII characters");
        }
    }

    /** Whether {@code s} may be an idempotency key: 1 to 255 characters from space to tilde. */
    public static boolean isKey(String s) {
        if (s.isEmpty() || s.length() > MAX_KEY_LENGTH) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}

package ponte.app;

import java.security.SecureRandom;
import java.util.Base64;

/** The bootstrap admin key: PONTE_ADMIN_KEY, or one generated for this run and printed once. */
record AdminKey(String secret, boolean generated) {
    static AdminKey from(Configuration c) {
        return c.environment("PONTE_ADMIN_KEY").filter(key -> !key.isBlank()).map(key -> new AdminKey(key.strip(), false))
                .orElseGet(AdminKey::generate);
    }

    private static AdminKey generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new AdminKey("pa_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), true);
    }
}

package ponte.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import ponte.core.access.Caller;
import ponte.core.access.Keys;

/**
 * Bearer keys to callers. Known keys are remembered in memory so hot read paths do not query the database per
 * request; keys cannot be revoked yet, so a remembered key is never stale.
 */
public final class Authenticator {
    private static final int REMEMBERED = 100_000;

    private final Keys keys;
    private final byte[] bootstrapAdminKey;
    private final ConcurrentMap<String, Caller> known = new ConcurrentHashMap<>();

    /** @param bootstrapAdminKey the operator's key, from configuration: it works before any org or key exists */
    public Authenticator(Keys keys, String bootstrapAdminKey) {
        this.keys = keys;
        this.bootstrapAdminKey = bootstrapAdminKey.getBytes(StandardCharsets.UTF_8);
    }

    Caller authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw HttpError.unauthenticated("send an API key as 'Authorization: Bearer <key>'");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw HttpError.unauthenticated("only Bearer keys are accepted");
        }
        String secret = authorization.substring(7).strip();
        // Remembered keys first (the hot path of every feed read); the bootstrap key is never remembered, so this
        // lookup says nothing about it.
        Caller cached = known.get(secret);
        if (cached != null) {
            return cached;
        }
        // Constant-time comparison: the bootstrap key must not leak through response timing.
        if (MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), bootstrapAdminKey)) {
            return new Caller.Operator();
        }
        Optional<Caller> caller = keys.authenticate(secret);
        if (caller.isEmpty()) {
            throw HttpError.unauthenticated("unknown API key");
        }
        if (known.size() < REMEMBERED) {
            known.put(secret, caller.get());
        }
        return caller.get();
    }
}

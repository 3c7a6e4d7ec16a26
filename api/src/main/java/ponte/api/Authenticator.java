package ponte.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import ponte.core.access.Caller;
import ponte.core.access.Key;
import ponte.core.access.KeyId;
import ponte.core.access.Keys;

/**
 * Bearer keys to callers. Keys are remembered in memory for a few seconds so hot read paths do not query the database
 * per request; that memory is what bounds how long a key revoked on another node still works here.
 */
public final class Authenticator implements AutoCloseable {
    /**
     * How long after a key is revoked (on any node) every node refuses it: a node re-reads a remembered key from the
     * database once it has been remembered this long. The node that revokes forgets the key at once.
     */
    public static final Duration REVOCATION_BOUND = Duration.ofSeconds(5);
    /** Far above the keys one node sees in a few seconds; the bound keeps a flood of distinct keys from filling the heap. */
    private static final int REMEMBERED = 100_000;

    private final Keys keys;
    private final byte[] bootstrapAdminKey;
    private final Clock clock;
    private final Cache<String, Remembered> known = Caffeine.newBuilder().maximumSize(REMEMBERED).expireAfterWrite(REVOCATION_BOUND).build();
    private final KeyUses uses;
    private final ClientAddresses addresses;

    /** As below, for a node no proxy stands in front of: the socket's peer is the client. */
    public Authenticator(Keys keys, String bootstrapAdminKey, Clock clock) {
        this(keys, bootstrapAdminKey, clock, ClientAddresses.DIRECT);
    }

    /**
     * @param bootstrapAdminKey the operator's key, from configuration: it works before any org or key exists
     * @param addresses         who the client is, by address (recorded with what it changes)
     */
    public Authenticator(Keys keys, String bootstrapAdminKey, Clock clock, ClientAddresses addresses) {
        this.keys = keys;
        this.bootstrapAdminKey = bootstrapAdminKey.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
        this.uses = new KeyUses(keys);
        this.addresses = addresses;
    }

    /**
     * Who sends this request: the caller (with the client's address, recorded with what it changes), its key id and
     * secret; a 401 for a missing, unknown or expired key.
     */
    Authenticated identify(Request request) {
        Authenticated by = identify(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        return new Authenticated(by.caller().from(addresses.of(request)), by.keyId(), by.secret());
    }

    private Authenticated identify(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw HttpError.unauthenticated("send an API key as 'Authorization: Bearer <key>'");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw HttpError.unauthenticated("only Bearer keys are accepted");
        }
        String secret = authorization.substring(7).strip();
        // Remembered keys first (the hot path of every feed read); the bootstrap key is never remembered, so this
        // lookup says nothing about it.
        Remembered remembered = known.getIfPresent(secret);
        if (remembered == null) {
            // Constant-time comparison: the bootstrap key must not leak through response timing.
            if (MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), bootstrapAdminKey)) {
                return new Authenticated(new Caller.Operator(), Authenticated.BOOTSTRAP, secret);
            }
            // Read outside the cache's lock (two requests may read the same key at once, harmlessly). Unknown secrets
            // are not remembered: a caller trying many would only push real keys out.
            remembered = new Remembered(keys.bySecret(secret).orElseThrow(() -> HttpError.unauthenticated("unknown API key")));
            known.put(secret, remembered);
        }
        Key key = remembered.key;
        Instant now = clock.instant();
        if (key.expiredAt(now)) {
            throw HttpError.unauthenticated("this API key expired at " + key.expiresAt().orElseThrow());
        }
        // The remembered key carries until when its use is already noted, so a hot key costs one cache read here.
        if (!now.isBefore(remembered.notedUntil)) {
            remembered.notedUntil = uses.note(key.id(), now);
        }
        return new Authenticated(key.caller(), key.id().value(), secret);
    }

    /** Forgets a revoked key on this node at once; other nodes forget it within {@link #REVOCATION_BOUND}. */
    public void forget(KeyId id) {
        known.asMap().values().removeIf(r -> r.key.id().equals(id));
    }

    /** A key as read from the store, and until when its uses on this node need not be noted again. */
    private static final class Remembered {
        final Key key;
        volatile Instant notedUntil = Instant.MIN;

        Remembered(Key key) {
            this.key = key;
        }
    }

    /** Writes the key uses not yet recorded. */
    @Override
    public void close() {
        uses.close();
    }
}

package ponte.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;

/**
 * Sign-in attempts per account and per client address, as token buckets: guessing one account's password, or many
 * accounts' from one address, slows to a few tries a minute. An attempt takes a token from both buckets whether it
 * succeeds or not, so the limit says nothing about which names exist.
 */
final class SignInThrottle {
    /** Ten tries, then one every 30 seconds, per account. */
    private static final Bandwidth PER_ACCOUNT = Bandwidth.builder().capacity(10).refillGreedy(2, Duration.ofMinutes(1)).build();
    /** Thirty tries, then one every 6 seconds, per address (an office behind one address has several people). */
    private static final Bandwidth PER_ADDRESS = Bandwidth.builder().capacity(30).refillGreedy(10, Duration.ofMinutes(1)).build();

    // Idle buckets are forgotten once they would be full again, so memory stays bounded.
    private final Cache<String, Bucket> accounts = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();
    private final Cache<String, Bucket> addresses = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();

    /** Whether this attempt may go ahead. */
    boolean admit(String username, String address) {
        Bucket account = accounts.get(username.strip().toLowerCase(java.util.Locale.ROOT), k -> Bucket.builder().addLimit(PER_ACCOUNT).build());
        Bucket client = addresses.get(address, k -> Bucket.builder().addLimit(PER_ADDRESS).build());
        // Both are asked: a flood from one address must not lock out the account it aims at for everyone else sooner.
        boolean byAddress = client.tryConsume(1);
        return byAddress && account.tryConsume(1);
    }
}

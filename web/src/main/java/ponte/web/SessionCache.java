package ponte.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import ponte.core.accounts.Accounts;
import ponte.core.accounts.Session;
import ponte.core.accounts.UserId;

/**
 * Sessions remembered for a few seconds, so a page does not read the sessions table per request (measured: the desk
 * at 0.07× /health with a read per request). What bounds revocation: a session ended here (sign-out, an admin ending
 * a user's sessions, a password reset) is forgotten here at once; one ended on another node stops working here
 * within {@link #BOUND}, as for API keys. Expiry is checked on every request.
 */
public final class SessionCache {
    public static final Duration BOUND = Duration.ofSeconds(5);

    private final Accounts accounts;
    private final Clock clock;
    private final Cache<String, Session> known = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(BOUND).build();

    public SessionCache(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    Optional<Session> session(String token) {
        Session remembered = known.getIfPresent(token);
        if (remembered == null) {
            Optional<Session> read = accounts.session(token);
            // Unknown tokens are not remembered: a client sending many would only push real sessions out.
            read.ifPresent(s -> known.put(token, s));
            return read;
        }
        return remembered.expiredAt(clock.instant()) ? Optional.empty() : Optional.of(remembered);
    }

    void forget(String token) {
        known.invalidate(token);
    }

    /** Forgets every remembered session of the account (its sessions were ended or its password reset). */
    void forget(UserId user) {
        known.asMap().values().removeIf(s -> s.user().id().equals(user));
    }
}

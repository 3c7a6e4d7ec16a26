package ponte.core.accounts;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in person's session, as stored: whose it is (the account's org and role are read with it, so a changed role
 * applies at once), the token forms must echo (CSRF), and when it ends by itself.
 */
public record Session(User user, String csrf, Instant createdAt, Instant expiresAt) {
    public Session {
        Objects.requireNonNull(user);
        Objects.requireNonNull(csrf);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(expiresAt);
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}

package ponte.core.accounts;

import java.time.Instant;
import java.util.Objects;
import ponte.core.access.Role;
import ponte.core.orgs.OrgId;

/**
 * A one-time link: an invitation to a new account (the person sets its password), or a password reset for an existing
 * one. Only a digest of its token is stored; it works once, until {@code expiresAt}.
 */
public record Link(Purpose purpose, OrgId org, String username, Role role, Instant createdAt, Instant expiresAt) {
    public enum Purpose { INVITE, RESET }

    public Link {
        Objects.requireNonNull(purpose);
        Objects.requireNonNull(org);
        User.requireUsername(username);
        Objects.requireNonNull(role);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(expiresAt);
    }
}

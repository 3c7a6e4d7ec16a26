package ponte.core.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import ponte.core.Invalid;
import ponte.core.access.Role;
import ponte.core.orgs.OrgId;

/**
 * A person's account: one org, one role, a unique user name (lower case, so "Italpress-Editor" is not a second one);
 * or the operator's, of no org, whose sessions act as the bootstrap admin key's holder.
 */
public record User(UserId id, Optional<OrgId> org, Role role, String username, Instant createdAt) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    public User {
        Objects.requireNonNull(id);
        Objects.requireNonNull(org);
        Objects.requireNonNull(role);
        Objects.requireNonNull(createdAt);
        requireUsername(username);
    }

    /** An org's account. */
    public User(UserId id, OrgId org, Role role, String username, Instant createdAt) {
        this(id, Optional.of(org), role, username, createdAt);
    }

    /** Whether this is the operator's account (no org): its sessions manage orgs, as the bootstrap admin key does. */
    public boolean operator() {
        return org.isEmpty();
    }

    /** The user name as people type it, or a refusal naming the rule. */
    public static String requireUsername(String username) {
        if (username == null || !NAME.matcher(username).matches()) {
            throw new Invalid("/username", "a user name is 3-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return username;
    }
}

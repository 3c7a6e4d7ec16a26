package ponte.core.access;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import ponte.core.orgs.OrgId;

/**
 * An API key as its org's admin sees it: everything but the secret, which no store keeps.
 *
 * @param lastUsedAt when it last opened the API, recorded at most about once a minute (so it may lag by as much)
 * @param expiresAt  from when it opens nothing; never, if empty
 */
public record Key(KeyId id, OrgId org, Role role, Optional<String> label, Instant createdAt, Optional<Instant> lastUsedAt,
                  Optional<Instant> expiresAt) {
    /** The latest time a key's facts may name: both databases store it, and nobody needs later. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    public Key {
        Objects.requireNonNull(id);
        Objects.requireNonNull(org);
        Objects.requireNonNull(role);
        Objects.requireNonNull(label);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(lastUsedAt);
        Objects.requireNonNull(expiresAt);
    }

    /** Whether the key has expired at {@code now}: an expired key is refused like an unknown one. */
    public boolean expiredAt(Instant now) {
        return expiresAt.isPresent() && !now.isBefore(expiresAt.get());
    }

    /** Who a request with this key acts as, named by the key (the audit trail records which key acted). */
    public Caller.Member caller() {
        return new Caller.Member(org, role, Optional.of(id), Optional.empty());
    }

    /** Where a listing of the org's keys goes on after this one. */
    public KeyPosition position() {
        return new KeyPosition(createdAt, id);
    }
}

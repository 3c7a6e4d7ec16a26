package ponte.core.access;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import ponte.core.Invalid;
import ponte.core.orgs.OrgId;

/**
 * What an admin asks for when issuing a key.
 *
 * @param label     a note for people ("Arirang ingest, staging"), never used to decide anything
 * @param expiresAt when the key stops working, if it should
 */
public record NewKey(OrgId org, Role role, Optional<String> label, Optional<Instant> expiresAt) {
    static final int MAX_LABEL = 200;

    public NewKey {
        Objects.requireNonNull(org);
        Objects.requireNonNull(role);
        Objects.requireNonNull(expiresAt);
        label.ifPresent(NewKey::requireReadable);
    }

    /** A key without label or expiry. */
    public NewKey(OrgId org, Role role) {
        this(org, role, Optional.empty(), Optional.empty());
    }

    private static void requireReadable(String label) {
        if (label.isBlank() || label.length() > MAX_LABEL) {
            throw new Invalid("/label", "label must be 1-" + MAX_LABEL + " characters, not only spaces");
        }
        if (label.codePoints().anyMatch(Character::isISOControl)) {
            throw new Invalid("/label", "label must not contain control characters");
        }
    }
}

package ponte.core.access;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
        label.ifPresent(NewKey::requireReadable);
        if (expiresAt.isPresent() && expiresAt.get().isAfter(Key.LATEST)) {
            throw new Invalid("/expiresAt", "expiresAt must be before the year 10000");
        }
        // Stores keep microseconds: the expiry answered on issue is the one listed later.
        expiresAt = expiresAt.map(t -> t.truncatedTo(ChronoUnit.MICROS));
    }

    /** A key without label or expiry. */
    public NewKey(OrgId org, Role role) {
        this(org, role, Optional.empty(), Optional.empty());
    }

    private static void requireReadable(String label) {
        if (label.isBlank() || label.length() > MAX_LABEL) {
            throw new Invalid("/label", "label must be 1-" + MAX_LABEL + " characters, not only spaces");
        }
        // Control characters garble lists (and PostgreSQL refuses NUL); a lone surrogate is no text at all.
        if (label.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE)) {
            throw new Invalid("/label", "label must be text without control characters");
        }
    }
}

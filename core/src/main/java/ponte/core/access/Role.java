package ponte.core.access;

import java.util.Arrays;
import java.util.Locale;
import ponte.core.Invalid;

/** Roles are ranked: an admin may do what an editor may, and an editor what a partner may, for the same org. */
public enum Role {
    PARTNER, EDITOR, ADMIN;

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWire(String value) {
        return Arrays.stream(values()).filter(r -> r.wire().equals(value)).findFirst()
                .orElseThrow(() -> new Invalid("/role", "role must be one of admin, editor, partner"));
    }
}

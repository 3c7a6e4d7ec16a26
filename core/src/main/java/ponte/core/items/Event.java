package ponte.core.items;

import java.util.Locale;

/** What a log entry says happened to an item, in the past tense as partners read it. */
public enum Event {
    PUBLISHED, UPDATED, CORRECTED, KILLED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Event fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Corrections and kills must reach everyone who got the item, whatever has happened to their licence since. */
    public boolean followsRecipients() {
        return this == CORRECTED || this == KILLED;
    }
}

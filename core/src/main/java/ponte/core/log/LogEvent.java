package ponte.core.log;

import java.util.Locale;
import ponte.core.items.Event;

/**
 * What one log entry records: the event of the version it made, or a release (time made the latest version visible
 * to more partners; no new version). Stored and relayed by its wire name ("published", ..., "released"). A partner
 * never reads "released": it reads the event of the version as it receives it ({@link ponte.core.licensing.Route}).
 */
public enum LogEvent {
    PUBLISHED, UPDATED, CORRECTED, KILLED, RELEASED;

    /** The entry of a new version records the version's event. */
    public static LogEvent of(Event versionEvent) {
        return valueOf(versionEvent.name());
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LogEvent fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

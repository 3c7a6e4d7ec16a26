package ponte.core.delivery;

import java.util.Locale;

/** Whether an endpoint is being delivered to. A disabled endpoint carries the reason, for its org to read. */
public enum EndpointState {
    ACTIVE, PAUSED, DISABLED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EndpointState fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

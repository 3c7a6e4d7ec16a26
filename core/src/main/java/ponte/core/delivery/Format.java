package ponte.core.delivery;

import java.util.Arrays;
import ponte.core.Invalid;

/** How an endpoint receives each delivery, every format rendered as the feed renders it for the endpoint's org. */
public enum Format {
    /** The JSON payload {@code {"type", "timestamp", "data": {"cursor", "event", "item"}}}, the item in ninjs 3.1. */
    NINJS("ninjs"),
    /** The same JSON payload with the item in ninjs 2.2. */
    NINJS_22("ninjs2"),
    /** The NewsML-G2 2.35 item document itself (a newsItem, or a packageItem for a composite), no envelope. */
    NEWSML_G2("newsmlg2");

    // Endpoints store these and partners send them: spelled as they were first published, whatever the constants say.
    private final String wire;

    Format(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Format fromWire(String value) {
        return Arrays.stream(values()).filter(f -> f.wire().equals(value)).findFirst()
                .orElseThrow(() -> new Invalid("/format", "format must be one of ninjs, ninjs2, newsmlg2"));
    }
}

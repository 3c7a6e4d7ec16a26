package ponte.core.delivery;

import java.util.Arrays;
import java.util.Locale;
import ponte.core.Invalid;

/** What an endpoint receives in each delivery's {@code data.item}. */
public enum Format {
    /** ninjs 3.1, as the feed serves it. */
    NINJS,
    /** ninjs 2.2. */
    NINJS2,
    /** NewsML-G2 2.35, a newsItem. */
    NEWSMLG2;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Format fromWire(String value) {
        return Arrays.stream(values()).filter(f -> f.wire().equals(value)).findFirst()
                .orElseThrow(() -> new Invalid("/format", "format must be one of ninjs, ninjs2, newsmlg2"));
    }
}

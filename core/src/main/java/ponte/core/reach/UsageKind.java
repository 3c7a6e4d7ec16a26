package ponte.core.reach;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a partner did with an item on one of its outlets. */
public enum UsageKind {
    AIRED, PUBLISHED, DOWNLOADED, VIEWED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<UsageKind> fromWire(String value) {
        return Arrays.stream(values()).filter(k -> k.wire().equals(value)).findFirst();
    }
}

package ponte.core.campaigns;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a partner shows a campaign: a dedicated page, a live stream, a social account, television. */
public enum ChannelKind {
    PAGE, LIVE, SOCIAL, TV;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ChannelKind> fromWire(String wire) {
        return Arrays.stream(values()).filter(k -> k.wire().equals(wire)).findFirst();
    }
}

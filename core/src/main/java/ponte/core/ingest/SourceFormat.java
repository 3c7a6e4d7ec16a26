package ponte.core.ingest;

import java.util.Arrays;
import java.util.Locale;
import ponte.core.Invalid;

/** The document formats Ponte reads from other agencies. */
public enum SourceFormat {
    ATOM, RSS, NINJS, NEWSMLG2;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SourceFormat fromWire(String pointer, String value) {
        return Arrays.stream(values()).filter(f -> f.wire().equals(value)).findFirst()
                .orElseThrow(() -> new Invalid(pointer, "format must be one of atom, rss, ninjs, newsmlg2"));
    }
}

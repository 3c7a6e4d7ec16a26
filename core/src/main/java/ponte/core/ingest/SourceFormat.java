package ponte.core.ingest;

import java.util.Arrays;
import ponte.core.Invalid;

/** The document formats Ponte reads from other agencies. */
public enum SourceFormat {
    ATOM("atom"), RSS("rss"), NINJS("ninjs"), NEWSML_G2("newsmlg2");

    // Sources store these and editors send them: spelled as they were first published, whatever the constants say.
    private final String wire;

    SourceFormat(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static SourceFormat fromWire(String pointer, String value) {
        return Arrays.stream(values()).filter(f -> f.wire().equals(value)).findFirst()
                .orElseThrow(() -> new Invalid(pointer, "format must be one of atom, rss, ninjs, newsmlg2"));
    }
}

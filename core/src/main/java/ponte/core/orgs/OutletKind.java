package ponte.core.orgs;

import java.util.Arrays;
import java.util.Locale;
import ponte.core.Invalid;

public enum OutletKind {
    TV, RADIO, PRINT, WEB, APP, SOCIAL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OutletKind fromWire(String value) {
        return Arrays.stream(values()).filter(k -> k.wire().equals(value)).findFirst()
                .orElseThrow(() -> new Invalid("/kind", "kind must be one of " + Arrays.stream(values()).map(OutletKind::wire).toList()));
    }
}

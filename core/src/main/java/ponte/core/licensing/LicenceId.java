package ponte.core.licensing;

import ponte.core.Ids;

public record LicenceId(String value) {
    public LicenceId {
        Ids.requireUrlSafe("id", value);
    }

    @Override
    public String toString() {
        return value;
    }
}

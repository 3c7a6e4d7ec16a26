package ponte.core.delivery;

import ponte.core.Ids;

public record EndpointId(String value) {
    public EndpointId {
        Ids.requireUrlSafe("id", value);
    }

    @Override
    public String toString() {
        return value;
    }
}

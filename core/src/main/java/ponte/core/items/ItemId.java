package ponte.core.items;

import ponte.core.Ids;

public record ItemId(String value) {
    public ItemId {
        Ids.requireUrlSafe("id", value);
    }

    @Override
    public String toString() {
        return value;
    }
}

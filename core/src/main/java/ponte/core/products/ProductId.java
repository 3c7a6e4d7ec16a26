package ponte.core.products;

import ponte.core.Ids;

public record ProductId(String value) implements Comparable<ProductId> {
    public ProductId {
        Ids.requireUrlSafe("id", value);
    }

    @Override
    public int compareTo(ProductId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

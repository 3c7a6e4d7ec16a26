package ponte.core.products;

import ponte.core.access.Caller;
import ponte.core.access.Role;

/** An org adding products to its catalogue. */
public final class Cataloguing {
    private final Products products;

    public Cataloguing(Products products) {
        this.products = products;
    }

    public Product register(Caller caller, ProductId id, String name) {
        return products.register(new Product(id, caller.actingFor(Role.EDITOR), name));
    }
}

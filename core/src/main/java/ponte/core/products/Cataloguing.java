package ponte.core.products;

import java.util.Set;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.audit.Action;
import ponte.core.audit.Audit;
import ponte.core.orgs.OrgId;

/** An org adding products to its catalogue. */
public final class Cataloguing {
    private final Products products;
    private final Audit audit;

    public Cataloguing(Products products, Audit audit) {
        this.products = products;
        this.audit = audit;
    }

    /** Registers a product; the same product again is a retry, answered as it is and not recorded twice. */
    public Product register(Caller caller, ProductId id, String name) {
        OrgId owner = caller.actingFor(Role.EDITOR);
        Product product = new Product(id, owner, name);
        if (products.byId(id).filter(product::equals).isPresent()) {
            return product;
        }
        return audit.change(caller, Action.PRODUCT_REGISTER, () -> products.register(product),
                p -> new Audit.Note(p.id().value(), "registered product '" + p.name() + "'", Set.of(owner)));
    }
}

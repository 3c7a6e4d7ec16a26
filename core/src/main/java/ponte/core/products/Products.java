package ponte.core.products;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import ponte.core.Invalid;
import ponte.core.orgs.OrgId;

/** Port: the catalogue of products. */
public interface Products {
    /** Registers a product; the same product again is returned as it is, a different one with a taken id is a conflict. */
    Product register(Product product);

    Optional<Product> byId(ProductId id);

    List<Product> byIds(Collection<ProductId> ids);

    /** Every product, by id. */
    List<Product> all();

    /** Refuses an empty list and any product that does not exist or is another org's. */
    default void requireOwned(OrgId owner, Collection<ProductId> ids, String pointer) {
        if (ids.isEmpty()) {
            throw new Invalid(pointer, "at least one product is required");
        }
        List<Product> found = byIds(ids);
        for (ProductId id : ids) {
            if (found.stream().noneMatch(p -> p.id().equals(id) && p.owner().equals(owner))) {
                throw new Invalid(pointer, "unknown product '" + id + "' (products must be your organisation's own)");
            }
        }
    }
}

package ponte.core.products;

import java.util.Objects;
import ponte.core.Invalid;
import ponte.core.orgs.OrgId;

/** A line of content an org offers (a wire, a video service, a feature package) and licenses by. */
public record Product(ProductId id, OrgId owner, String name) {
    public Product {
        Objects.requireNonNull(id);
        Objects.requireNonNull(owner);
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new Invalid("/name", "name must be 1-200 characters");
        }
    }
}

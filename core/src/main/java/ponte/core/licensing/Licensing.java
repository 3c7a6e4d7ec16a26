package ponte.core.licensing;

import java.util.Set;
import ponte.core.Ids;
import ponte.core.Invalid;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Orgs;
import ponte.core.products.ProductId;
import ponte.core.products.Products;

/** A licensor granting licences on its own products. */
public final class Licensing {
    private final Licences licences;
    private final Products products;
    private final Orgs orgs;
    private final Entitlements entitlements;
    private final Ids ids;

    public Licensing(Licences licences, Products products, Orgs orgs, Entitlements entitlements, Ids ids) {
        this.licences = licences;
        this.products = products;
        this.orgs = orgs;
        this.entitlements = entitlements;
        this.ids = ids;
    }

    /** The skeleton's unilateral grant: these products to the licensee, everywhere, in every language, from now on. */
    public Licence grant(Caller caller, OrgId licensee, Set<ProductId> productIds) {
        OrgId licensor = caller.actingFor(Role.EDITOR);
        if (orgs.byId(licensee).isEmpty()) {
            throw new Invalid("/licensee", "no organisation " + licensee);
        }
        products.requireOwned(licensor, productIds, "/products");
        Licence licence = licences.grant(Licence.unrestricted(new LicenceId(ids.next()), licensor, licensee, productIds));
        entitlements.refresh();
        return licence;
    }
}

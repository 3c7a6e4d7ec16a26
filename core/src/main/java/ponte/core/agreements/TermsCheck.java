package ponte.core.agreements;

import java.util.Set;
import ponte.core.Invalid;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Orgs;
import ponte.core.products.ProductId;
import ponte.core.products.Products;

/**
 * Whether terms name what exists: every party and every licensee an organisation, every licensor's products its own.
 * A refusal names the field at fault (a JSON pointer into the terms).
 */
final class TermsCheck {
    private final Orgs orgs;
    private final Products products;

    TermsCheck(Orgs orgs, Products products) {
        this.orgs = orgs;
        this.products = products;
    }

    void validate(Terms terms) {
        int i = 0;
        for (OrgId party : terms.parties()) {
            requireOrg("/parties", party);
        }
        for (Grant g : terms.grants()) {
            String at = "/grants/" + i++;
            requireOrg(at + "/licensee", g.licensee());
            products.requireOwned(g.licensor(), g.products(), at + "/products");
        }
    }

    /** An offer's licensee exists and its licensor owns the products offered. */
    void validateOffer(OrgId licensor, OrgId licensee, Set<ProductId> productIds) {
        requireOrg("/licensee", licensee);
        products.requireOwned(licensor, productIds, "/products");
    }

    private void requireOrg(String at, OrgId org) {
        if (orgs.byId(org).isEmpty()) {
            throw new Invalid(at, "no organisation " + org);
        }
    }
}

package ponte.core.agreements;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ponte.core.NotFound;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.licensing.Entitlements;
import ponte.core.licensing.Licence;
import ponte.core.orgs.Org;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Orgs;
import ponte.core.products.Product;
import ponte.core.products.ProductId;
import ponte.core.products.Products;

/**
 * What an org deals in and with whom, as its keys may read it: the licences to and from it now in force, the products
 * it may see (its own and those licensed to it), the organisations it deals with. A licence from the
 * {@code POST /v1/licences} shorthand counts for its licensee too, though only the licensor is a party to it.
 */
public final class Dealings {
    /** A licence in force, with the agreement and the grant (numbered from 1, as in the licence's id) that carry it. */
    public record Held(Licence licence, Agreement agreement, int grant) {}

    private final Agreements agreements;
    private final Products products;
    private final Orgs orgs;
    private final Entitlements entitlements;
    private final Clock clock;

    public Dealings(Agreements agreements, Products products, Orgs orgs, Entitlements entitlements, Clock clock) {
        this.agreements = agreements;
        this.products = products;
        this.orgs = orgs;
        this.entitlements = entitlements;
        this.clock = clock;
    }

    /** The licences to and from the caller's org in force now; any key of the org may read them, the operator none. */
    public List<Held> licences(Caller caller) {
        return held(caller.actingFor(Role.PARTNER));
    }

    /** Every product to the operator; to an org's keys, the org's own and those licensed to it now. */
    public List<Product> products(Caller caller) {
        if (caller instanceof Caller.Operator) {
            return products.all();
        }
        Set<ProductId> licensed = licensedTo(caller.actingFor(Role.PARTNER));
        return products.all().stream().filter(p -> caller.belongsTo(p.owner()) || licensed.contains(p.id())).toList();
    }

    /** A product the caller may see (as {@link #products}); to anyone else it does not exist. */
    public Product product(Caller caller, ProductId id) {
        Product product = products.byId(id).orElseThrow(() -> new NotFound("no product " + id));
        if (caller instanceof Caller.Operator || caller.belongsTo(product.owner())
                || caller.memberOf().map(org -> licensedTo(org).contains(id)).orElse(false)) {
            return product;
        }
        throw new NotFound("no product " + id);
    }

    /** Every organisation to the operator; to an org's keys, their own and those it has agreements or licences with. */
    public List<Org> orgs(Caller caller) {
        if (caller instanceof Caller.Operator) {
            return orgs.all();
        }
        OrgId own = caller.actingFor(Role.PARTNER);
        Set<OrgId> known = new HashSet<>(Set.of(own));
        agreements.withParty(own).forEach(a -> known.addAll(a.current().terms().parties()));
        held(own).forEach(h -> known.addAll(List.of(h.licence().licensor(), h.licence().licensee())));
        return orgs.all().stream().filter(o -> known.contains(o.id())).toList();
    }

    private Set<ProductId> licensedTo(OrgId org) {
        Set<ProductId> out = new HashSet<>();
        held(org).stream().filter(h -> h.licence().licensee().equals(org)).forEach(h -> out.addAll(h.licence().products()));
        return out;
    }

    private List<Held> held(OrgId org) {
        Instant now = clock.instant();
        List<Held> out = new ArrayList<>();
        for (Agreement agreement : agreements.all()) {
            if (!agreement.inForce()) {
                continue;
            }
            List<Licence> licences = agreement.licences();
            for (int i = 0; i < licences.size(); i++) {
                Licence l = licences.get(i);
                if (entitlements.current(l, now) && (l.licensor().equals(org) || l.licensee().equals(org))) {
                    out.add(new Held(l, agreement, i + 1));
                }
            }
        }
        return out;
    }
}

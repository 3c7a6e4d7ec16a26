package ponte.core.campaigns;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import ponte.core.Invalid;
import ponte.core.agreements.Agreement;
import ponte.core.agreements.Agreements;
import ponte.core.agreements.Grant;
import ponte.core.items.ItemId;
import ponte.core.items.Items;
import ponte.core.items.Version;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Orgs;
import ponte.core.orgs.Outlet;
import ponte.core.products.ProductId;

/**
 * What makes a campaign's terms acceptable for its owner: an agreement the owner and every channel's partner are
 * parties to, the owner's own items, each filed under a product the agreement grants to every channel's partner, and
 * each channel on one of its partner's outlets. The campaign grants nothing; these rules only refuse a campaign that
 * could not reach its channels.
 */
final class CampaignRules {
    private final Agreements agreements;
    private final Items items;
    private final Orgs orgs;

    CampaignRules(Agreements agreements, Items items, Orgs orgs) {
        this.agreements = agreements;
        this.items = items;
        this.orgs = orgs;
    }

    void check(OrgId owner, CampaignTerms terms) {
        Agreement agreement = agreements.byId(terms.agreement())
                .filter(a -> a.current().terms().orgs().contains(owner))
                .orElseThrow(() -> new Invalid("/agreement", "no such agreement among your org's agreements"));
        Set<OrgId> parties = agreement.current().terms().orgs();
        List<Invalid.Violation> refusals = new ArrayList<>();
        for (int i = 0; i < terms.channels().size(); i++) {
            Channel c = terms.channels().get(i);
            if (!parties.contains(c.partner())) {
                refusals.add(new Invalid.Violation("/channels/" + i + "/partner",
                        c.partner() + " is not a party to agreement " + agreement.id()));
                continue;
            }
            boolean outletOfPartner = orgs.outlets(c.partner()).stream().map(Outlet::id).anyMatch(c.outlet()::equals);
            if (!outletOfPartner) {
                refusals.add(new Invalid.Violation("/channels/" + i + "/outlet", "outlet must be one of " + c.partner() + "'s outlets"));
            }
        }
        for (int i = 0; i < terms.items().size(); i++) {
            ItemId id = terms.items().get(i);
            Optional<Version> latest = items.byId(id).filter(item -> item.ownedBy(owner) && !item.killed())
                    .flatMap(item -> items.version(id, item.latestVersion()));
            if (latest.isEmpty()) {
                refusals.add(new Invalid.Violation("/items/" + i, "no such item among your org's items"));
                continue;
            }
            for (Channel c : terms.channels()) {
                if (parties.contains(c.partner()) && !granted(agreement, owner, c.partner(), latest.get().products())) {
                    refusals.add(new Invalid.Violation("/items/" + i, "item " + id + " is filed under "
                            + names(latest.get().products()) + ", none of which agreement " + agreement.id() + " grants to " + c.partner()));
                }
            }
        }
        if (!refusals.isEmpty()) {
            throw new Invalid(refusals);
        }
    }

    private static boolean granted(Agreement agreement, OrgId owner, OrgId partner, Set<ProductId> products) {
        for (Grant g : agreement.current().terms().grants()) {
            if (g.licensor().equals(owner) && g.licensee().equals(partner) && g.products().stream().anyMatch(products::contains)) {
                return true;
            }
        }
        return false;
    }

    private static String names(Set<ProductId> products) {
        return products.stream().map(ProductId::value).sorted().collect(Collectors.joining(", "));
    }

}

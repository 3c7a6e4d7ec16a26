package ponte.api;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import ponte.core.items.Item;
import ponte.core.items.Version;
import ponte.core.licensing.Licence;
import ponte.core.orgs.Org;
import ponte.core.orgs.OrgId;
import tools.jackson.databind.node.ObjectNode;
import ponte.formats.NinjsWriter.Terms;

/** Renders versions as ninjs for a reader: its owners, or a partner with the licence that grants it. */
final class ItemViews {
    private final Services s;
    // Org names never change once registered, so they are cached for rendering credits and terms.
    private final ConcurrentMap<OrgId, String> names = new ConcurrentHashMap<>();

    ItemViews(Services s) {
        this.s = s;
    }

    ObjectNode forOwner(Item item, Version version) {
        return s.ninjsWriter().render(item, version, Terms.ownerView(ownerNames(item)));
    }

    ObjectNode forPartner(OrgId partner, Item item, Version version) {
        Optional<Licence> licence = s.entitlements().grantingLicence(partner, item, version, s.clock().instant());
        String licensor = licence.map(l -> name(l.licensor())).orElse("");
        return s.ninjsWriter().render(item, version, new Terms(ownerNames(item), licence, licensor, name(partner)));
    }

    private List<String> ownerNames(Item item) {
        return item.owners().stream().sorted().map(this::name).toList();
    }

    String name(OrgId org) {
        return names.computeIfAbsent(org, id -> s.orgs().byId(id).map(Org::name).orElse(id.value()));
    }
}

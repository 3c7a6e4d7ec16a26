package ponte.core.licensing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ponte.core.items.Item;
import ponte.core.items.Version;
import ponte.core.orgs.OrgId;
import ponte.core.products.ProductId;

/**
 * Licences indexed by (licensor, product), so that routing one version looks only at licences that could
 * possibly apply instead of scanning all of them. Immutable; rebuilt when licences change.
 */
final class RoutingIndex {
    private final Map<OrgId, Map<ProductId, List<Licence>>> byLicensorAndProduct = new HashMap<>();
    private final Map<OrgId, List<Licence>> byLicensee = new HashMap<>();

    RoutingIndex(List<Licence> licences) {
        for (Licence licence : licences) {
            for (ProductId product : licence.products()) {
                byLicensorAndProduct.computeIfAbsent(licence.licensor(), k -> new HashMap<>())
                        .computeIfAbsent(product, k -> new ArrayList<>()).add(licence);
            }
            byLicensee.computeIfAbsent(licence.licensee(), k -> new ArrayList<>()).add(licence);
        }
    }

    /** Licences that might grant this version to someone: from one of its owners, for one of its products. */
    Set<Licence> candidates(Item item, Version version) {
        Set<Licence> out = new LinkedHashSet<>();
        for (OrgId owner : item.owners()) {
            Map<ProductId, List<Licence>> byProduct = byLicensorAndProduct.getOrDefault(owner, Map.of());
            for (ProductId product : version.products()) {
                out.addAll(byProduct.getOrDefault(product, List.of()));
            }
        }
        return out;
    }

    List<Licence> to(OrgId licensee) {
        return byLicensee.getOrDefault(licensee, List.of());
    }
}

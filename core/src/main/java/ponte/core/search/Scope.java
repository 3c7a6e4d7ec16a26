package ponte.core.search;

import java.util.List;
import java.util.Set;
import ponte.core.reading.Finding.Finder;
import ponte.core.licensing.Licence;
import ponte.core.orgs.OrgId;
import ponte.core.products.ProductId;

/**
 * The part of the index a finder could possibly see, so the index can narrow candidates before the gate: its own
 * items (editors only) and, for each licence in force to it, the licensor's live items in the licensed products and
 * languages. It only ever narrows: whatever it lets through, the gate still decides one candidate at a time, and
 * what it leaves out (time, territories) is left to the gate.
 *
 * @param languages BCP 47 ranges of the licence, matched against the item's declared language; empty means every
 *                  language (even none), as for the gate
 */
public record Scope(OrgId finder, boolean ownItems, List<Licensed> licensed) {
    public record Licensed(OrgId licensor, Set<ProductId> products, Set<String> languages) {
        public Licensed {
            products = Set.copyOf(products);
            languages = Set.copyOf(languages);
        }
    }

    public Scope {
        licensed = List.copyOf(licensed);
    }

    static Scope of(Finder finder, List<Licence> licencesInForce) {
        return new Scope(finder.org(), finder.editor(), licencesInForce.stream()
                .map(l -> new Licensed(l.licensor(), l.products(), l.languages()))
                .distinct()
                .toList());
    }

    boolean isEmpty() {
        return !ownItems && licensed.isEmpty();
    }
}

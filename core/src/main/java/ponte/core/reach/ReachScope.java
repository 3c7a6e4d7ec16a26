package ponte.core.reach;

import java.util.Objects;
import ponte.core.items.ItemId;
import ponte.core.products.ProductId;

/** What a reach question is about: one item, every item filed under a product, or every item of a co-production. */
public sealed interface ReachScope {
    record OfItem(ItemId item) implements ReachScope {
        public OfItem {
            Objects.requireNonNull(item);
        }
    }

    record OfProduct(ProductId product) implements ReachScope {
        public OfProduct {
            Objects.requireNonNull(product);
        }
    }

    record OfCoproduction(String coproduction) implements ReachScope {
        public OfCoproduction {
            Objects.requireNonNull(coproduction);
        }
    }
}

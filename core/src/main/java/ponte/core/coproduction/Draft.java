package ponte.core.coproduction;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import ponte.core.access.KeyId;
import ponte.core.items.Content;
import ponte.core.items.Event;
import ponte.core.items.ItemId;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Territories;
import ponte.core.products.ProductId;

/**
 * One draft of a co-produced item, held outside the content log until an editor of every party has approved it.
 * Drafts are numbered from 1 per item; {@code signal} is what its release will be (published for the item's first
 * released version, else updated or corrected), {@code releasedAs} the log version it became.
 */
public record Draft(ItemId item, int number, Content content, Set<ProductId> products, Territories rights, Event signal,
                    Optional<ItemId> translationOf, OrgId by, Optional<KeyId> key, Instant createdAt, Optional<Integer> releasedAs) {
    public Draft {
        Objects.requireNonNull(item);
        Objects.requireNonNull(content);
        products = Set.copyOf(products);
        Objects.requireNonNull(rights);
        Objects.requireNonNull(signal);
        Objects.requireNonNull(translationOf);
        Objects.requireNonNull(by);
        Objects.requireNonNull(key);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(releasedAs);
    }
}

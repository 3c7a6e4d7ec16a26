package ponte.core.items;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import ponte.core.orgs.Territories;
import ponte.core.products.ProductId;

/**
 * One immutable version of an item, with the products it was filed under and the territories its rights allow
 * ({@code rights} narrows every licence). A kill is a version too, carrying the reason.
 */
public record Version(
        ItemId item,
        int number,
        Event event,
        Instant created,
        Content content,
        Set<ProductId> products,
        Territories rights,
        Optional<String> killReason) {

    public Version {
        Objects.requireNonNull(item);
        Objects.requireNonNull(event);
        Objects.requireNonNull(created);
        Objects.requireNonNull(content);
        products = Set.copyOf(products);
        Objects.requireNonNull(rights);
        if (number < 1) {
            throw new IllegalArgumentException("versions count from 1");
        }
    }

    public boolean isKill() {
        return event == Event.KILLED;
    }
}

package ponte.core.items;

import java.time.Instant;
import java.util.Objects;

/**
 * An item with its latest version, as an owner's desk lists it; {@link Position} is where a page of the list ends
 * (newest first: by first publication, then id).
 */
public record Owned(Item item, Version latest) {
    public Owned {
        Objects.requireNonNull(item);
        Objects.requireNonNull(latest);
    }

    public Position position() {
        return new Position(item.firstCreated(), item.id());
    }

    public record Position(Instant firstCreated, ItemId id) {
        public Position {
            Objects.requireNonNull(firstCreated);
            Objects.requireNonNull(id);
        }
    }
}

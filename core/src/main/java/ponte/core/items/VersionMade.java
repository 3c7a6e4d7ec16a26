package ponte.core.items;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import ponte.core.access.KeyId;

/**
 * One version of an item as its history tells it: what made it, when, with which key, and why (a kill's reason).
 *
 * @param key empty for versions made before keys were recorded, and for those the node made for the org (ingest)
 */
public record VersionMade(ItemId item, int number, Event event, Instant createdAt, Optional<KeyId> key, Optional<String> reason) {
    public VersionMade {
        Objects.requireNonNull(item);
        Objects.requireNonNull(event);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(key);
        Objects.requireNonNull(reason);
    }
}

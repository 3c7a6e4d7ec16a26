package ponte.core.campaigns;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import ponte.core.items.ItemId;

/** A live event as its owner asks for it: on which campaign's live channel, when, and the item presenting it if any. */
public record LiveEventTerms(String id, String campaign, Optional<ItemId> item, String title, Instant start, Instant end, String channel) {
    public LiveEventTerms {
        Objects.requireNonNull(id);
        Objects.requireNonNull(campaign);
        Objects.requireNonNull(item);
        Objects.requireNonNull(title);
        Objects.requireNonNull(start);
        Objects.requireNonNull(end);
        Objects.requireNonNull(channel);
    }
}

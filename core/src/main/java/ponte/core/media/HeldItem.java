package ponte.core.media;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ponte.core.access.Caller;
import ponte.core.items.ItemId;

/**
 * A publish (no item yet) or a revision of {@code item}, as its editor sent it, held until every file it names is ready.
 *
 * @param body   the request's JSON body, published as sent once the files are ready
 * @param base   the node's base the request came to, for the renditions' hrefs
 * @param reason why it cannot go out, when a file it names failed
 */
public record HeldItem(String id, Caller.Member caller, Optional<ItemId> item, String body, String base, List<String> media,
                       Optional<String> reason, Instant createdAt) {
    public HeldItem {
        media = List.copyOf(media);
    }
}

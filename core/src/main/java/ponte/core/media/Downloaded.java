package ponte.core.media;

import java.time.Instant;
import java.util.Objects;
import ponte.core.items.ItemId;
import ponte.core.orgs.OrgId;

/** A reach fact: a partner downloaded a rendition, whole or a range of it, entitled by a version of an item. */
public record Downloaded(OrgId org, ItemId item, int version, String media, String rendition, long bytes, Instant at) {
    public Downloaded {
        Objects.requireNonNull(org);
        Objects.requireNonNull(item);
        Objects.requireNonNull(media);
        Objects.requireNonNull(rendition);
        Objects.requireNonNull(at);
    }
}

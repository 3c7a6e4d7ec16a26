package ponte.core.media;

import java.util.List;
import java.util.Optional;
import ponte.core.items.ItemId;

/** The publish requests held for their media, durable so a restart loses none. */
public interface HeldItems {
    void hold(HeldItem held);

    /** Every held request, oldest first. */
    List<HeldItem> all();

    /** The requests held for revisions of {@code item}, oldest first. */
    List<HeldItem> of(ItemId item);

    Optional<HeldItem> byId(String id);

    /** The requests naming the file, oldest first: what waits for it, or is stuck on it. */
    List<HeldItem> naming(String mediaId);

    /** Takes a held request away to publish it; false when another node (or worker) took it first. */
    boolean take(String id);

    /** Marks a held request as stuck, with why (a file it names failed). */
    void stuck(String id, String reason);
}

package ponte.core.media;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ponte.core.orgs.OrgId;
import ponte.core.items.ItemId;

/** Port: what is known of each uploaded file, and the queue of files waiting for renditions (those processing). */
public interface MediaLibrary {
    void create(Media media);

    Optional<Media> byId(String id);

    /** The org's files in {@code states}, newest first, at most {@code limit}, without their renditions. */
    List<Media> owned(OrgId org, java.util.Set<MediaState> states, int limit);

    /**
     * Claims the oldest processing file no live worker holds (its claim older than {@code staleBefore}: the node that
     * held it died, or a restart): the claim is marked {@code now}, and renewed by {@link #progress}.
     */
    Optional<Media> claimNext(Instant now, Instant staleBefore);

    /** How far the claimed file is, which also renews the claim. */
    void progress(String id, int percent, Instant now);

    /**
     * The file is ready: its renditions are recorded together, in one transaction with the state (replacing what an
     * earlier run recorded; subtitle tracks, attached apart, stay).
     */
    void ready(String id, List<Rendition> renditions);

    /** Adds or replaces one rendition made apart from the queue (a subtitle track an editor attached). */
    void putRendition(String id, Rendition rendition);

    /** The file cannot be made into renditions, for this reason; nothing of it is listed. */
    void failed(String id, String reason);

    /** The media the item's latest version carries, replacing what an earlier version carried. */
    void carry(ItemId item, List<String> mediaIds);

    /** The items whose latest version carries the file. */
    List<ItemId> carriers(String mediaId);

    /** Whether any stored file or rendition is these bytes (a blob no one names may be deleted). */
    boolean names(Blob blob);
}

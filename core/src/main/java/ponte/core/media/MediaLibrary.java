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

    /**
     * Whether any file not deleted, or one of its renditions, is these bytes: a blob is stored once for every file
     * that has the same bytes, so one no such file names may be deleted, and no other.
     */
    boolean names(Blob blob);

    /**
     * Up to {@code limit} files (ready or failed) carried by at least one item, every one of which was killed before
     * {@code killedBefore}: those the retention deletes.
     */
    List<String> carriedOnlyByItemsKilledBefore(Instant killedBefore, int limit);

    /**
     * Marks the file deleted at {@code now}, with why, if it is still carried only by items killed before
     * {@code killedBefore} (an editor may have attached it to a new item since it was found); its renditions stay
     * recorded until {@link #purged} so its blobs can be found. Returns whether it was marked.
     */
    boolean delete(String id, Instant killedBefore, Instant now, String reason);

    /** Up to {@code limit} deleted files whose blobs may still be in the store, with their renditions. */
    List<Media> deletedNotPurged(int limit);

    /** The deleted file's blobs are gone: its renditions are no longer listed. */
    void purged(String id);
}

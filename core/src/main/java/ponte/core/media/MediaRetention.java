package ponte.core.media;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Deleting the media of killed items once the retention has passed. A kill stops every download at once (the gate
 * refuses a killed item's files); the bytes stay for the retention, so a kill made in error can be undone by a new
 * item carrying the same file, then go. A file is deleted when every item carrying it was killed longer ago than the
 * retention; its row stays, in state deleted, so its editors see what became of it. Blobs are content-addressed and
 * shared by every file with the same bytes, so a blob is removed from the store only when no file left names it.
 */
public final class MediaRetention {
    public static final Duration DEFAULT = Duration.ofDays(30);
    /** Files per look: a sweep goes on until a look finds fewer. */
    static final int BATCH = 100;

    /** What one sweep did. */
    public record Swept(int files, int blobs) {
        public boolean any() {
            return files > 0 || blobs > 0;
        }
    }

    private final MediaLibrary library;
    private final MediaStore store;
    private final Duration keep;
    private final Clock clock;

    /** @param keep how long after its items' kill a file is kept: at least an hour, so a bad setting cannot empty the store */
    public MediaRetention(MediaLibrary library, MediaStore store, Duration keep, Clock clock) {
        if (keep.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("media of killed items are kept at least an hour, not " + keep);
        }
        this.library = library;
        this.store = store;
        this.keep = keep;
        this.clock = clock;
    }

    public Duration keep() {
        return keep;
    }

    /**
     * Marks deleted every file whose items were all killed before the retention, then removes the blobs of deleted
     * files that no other file names (also those of files deleted by a sweep a stopped node left half-done).
     * Harmless if two nodes sweep at once: a file is marked once, and removing a blob twice is removing it.
     */
    public Swept sweep() {
        Instant now = clock.instant();
        Instant killedBefore = now.minus(keep);
        String reason = "deleted: every item carrying it was killed more than " + keep.toDays() + " days ago (the media retention)";
        int files = 0;
        List<String> found;
        do {
            found = library.carriedOnlyByItemsKilledBefore(killedBefore, BATCH);
            for (String id : found) {
                if (library.delete(id, killedBefore, now, reason)) {
                    files++;
                }
            }
        } while (found.size() == BATCH);
        int blobs = 0;
        List<Media> deleted;
        do {
            deleted = library.deletedNotPurged(BATCH);
            for (Media media : deleted) {
                blobs += removeUnnamed(media);
                library.purged(media.id());
            }
        } while (deleted.size() == BATCH);
        return new Swept(files, blobs);
    }

    private int removeUnnamed(Media media) {
        List<Blob> blobs = new ArrayList<>();
        blobs.add(media.original());
        media.renditions().forEach(r -> blobs.add(r.blob()));
        int removed = 0;
        for (Blob blob : blobs.stream().distinct().toList()) {
            if (!library.names(blob)) {
                store.delete(blob);
                removed++;
            }
        }
        return removed;
    }
}

package ponte.core.media;

import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

/** Port: makes the renditions of a file (ffmpeg), storing each whole in the {@link MediaStore} before returning it. */
public interface Transcoder {
    /** Why renditions cannot be made on this node at all (the program is missing), or empty when they can. */
    Optional<String> unavailable();

    /**
     * The renditions of the media's original for its kind, each already stored.
     *
     * @param progress told 0-100 as the work goes, at least every few seconds while it runs
     * @throws TranscodeFailed when the file cannot be made into renditions (corrupt, unreadable, too slow)
     */
    List<Rendition> renditions(Media media, IntConsumer progress);

    /** Ends every transcode under way (the node is stopping); each ends with an exception other than {@link TranscodeFailed}. */
    void cancelAll();
}

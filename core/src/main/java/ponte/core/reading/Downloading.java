package ponte.core.reading;

import java.nio.channels.ReadableByteChannel;
import ponte.core.NotFound;
import ponte.core.access.Caller;
import ponte.core.items.ItemId;
import ponte.core.media.Media;
import ponte.core.media.MediaLibrary;
import ponte.core.media.MediaStore;
import ponte.core.media.Rendition;
import ponte.core.orgs.OrgId;

/**
 * A rendition downloaded: by the owner's keys, or by anyone who may read an item whose latest version carries the file,
 * asked of the same gate as the item ({@link Reading}) at every download. A killed item's media answer as missing at
 * once; so do files no readable item carries, with the wording of a missing file.
 */
public final class Downloading {
    /** The rendition the caller may have, with the file it belongs to. */
    public record Download(Media media, Rendition rendition) {}

    private final MediaLibrary library;
    private final MediaStore store;
    private final Reading reading;

    public Downloading(MediaLibrary library, MediaStore store, Reading reading) {
        this.library = library;
        this.store = store;
        this.reading = reading;
    }

    public Download find(Caller caller, String mediaId, String name) {
        Media media = library.byId(mediaId).filter(m -> mayHave(caller, m)).orElseThrow(Downloading::notFound);
        Rendition rendition = media.rendition(name).orElseThrow(() -> new NotFound("media " + mediaId + " has no rendition " + name));
        return new Download(media, rendition);
    }

    /** The rendition's bytes from {@code offset}, {@code length} of them. */
    public ReadableByteChannel open(Download download, long offset, long length) {
        return store.open(download.rendition().blob(), offset, length);
    }

    private boolean mayHave(Caller caller, Media media) {
        OrgId org = caller.memberOf().orElse(null);
        if (org == null) {
            return false; // the operator reads no content
        }
        if (media.owner().equals(org)) {
            return true;
        }
        for (ItemId item : library.carriers(media.id())) {
            try {
                Reading.Visible visible = reading.read(caller, item, java.util.Optional.empty());
                if (!visible.item().killed() && !visible.version().isKill()) {
                    return true;
                }
            } catch (NotFound notReadable) {
                // this item is not the caller's to read; another carrier may be
            }
        }
        return false;
    }

    private static NotFound notFound() {
        return new NotFound("no such media");
    }
}

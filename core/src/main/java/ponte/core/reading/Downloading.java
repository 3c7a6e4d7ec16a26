package ponte.core.reading;

import java.nio.channels.ReadableByteChannel;
import java.time.Clock;
import java.util.Optional;
import ponte.core.NotFound;
import ponte.core.access.Caller;
import ponte.core.items.ItemId;
import ponte.core.FactLog;
import ponte.core.media.Downloaded;
import ponte.core.media.Media;
import ponte.core.media.MediaLibrary;
import ponte.core.media.MediaStore;
import ponte.core.media.Rendition;
import ponte.core.orgs.OrgId;

/**
 * A rendition downloaded: by the owner's keys, or by anyone who may read an item whose latest version carries the file,
 * asked of the same gate as the item ({@link Reading}) at every download. A killed item's media answer as missing at
 * once; so do files no readable item carries, with the wording of a missing file. A partner's completed download is a
 * reach fact, recorded off the request path ({@link FactLog}).
 */
public final class Downloading {
    /**
     * The rendition the caller may have, with the file it belongs to and, for a partner, the item version that entitles
     * it (what its reach fact names); empty for the owner's own keys.
     */
    public record Download(Media media, Rendition rendition, Optional<OrgId> partner, Optional<ItemId> item, int version) {}

    /** Why the caller may have the file: as its owner, or as a reader of this version of an item that carries it. */
    private record Entitled(Optional<OrgId> partner, Optional<ItemId> item, int version) {
        static final Entitled OWNER = new Entitled(Optional.empty(), Optional.empty(), 0);
    }

    private final MediaLibrary library;
    private final MediaStore store;
    private final Reading reading;
    private final FactLog<Downloaded> log;
    private final Clock clock;

    /** @param log where partners' completed downloads go as reach facts */
    public Downloading(MediaLibrary library, MediaStore store, Reading reading, FactLog<Downloaded> log, Clock clock) {
        this.library = library;
        this.store = store;
        this.reading = reading;
        this.log = log;
        this.clock = clock;
    }

    public Download find(Caller caller, String mediaId, String name) {
        // A deleted file's bytes are gone: missing to everyone, its owner too.
        Media media = library.byId(mediaId).filter(m -> m.state() != ponte.core.media.MediaState.DELETED).orElseThrow(Downloading::notFound);
        Entitled entitled = entitled(caller, media).orElseThrow(Downloading::notFound);
        Rendition rendition = media.rendition(name).orElseThrow(() -> new NotFound("media " + mediaId + " has no rendition " + name));
        return new Download(media, rendition, entitled.partner(), entitled.item(), entitled.version());
    }

    /** The rendition's bytes from {@code offset}, {@code length} of them. */
    public ReadableByteChannel open(Download download, long offset, long length) {
        return store.open(download.rendition().blob(), offset, length);
    }

    /** A download completed ({@code bytes} sent): a partner's is recorded as a reach fact soon, off the request path. */
    public void completed(Download download, long bytes) {
        if (download.partner().isPresent() && download.item().isPresent()) {
            log.add(new Downloaded(download.partner().get(), download.item().get(), download.version(), download.media().id(),
                    download.rendition().name(), bytes, clock.instant()));
        }
    }

    private Optional<Entitled> entitled(Caller caller, Media media) {
        Optional<OrgId> org = caller.memberOf();
        if (org.isEmpty()) {
            return Optional.empty(); // the operator reads no content
        }
        if (media.owner().equals(org.get())) {
            return Optional.of(Entitled.OWNER);
        }
        for (ItemId item : library.carriers(media.id())) {
            try {
                Reading.Visible visible = reading.read(caller, item, Optional.empty());
                if (!visible.item().killed() && !visible.version().isKill()) {
                    return Optional.of(new Entitled(org, Optional.of(item), visible.version().number()));
                }
            } catch (NotFound notReadable) {
                // this item is not the caller's to read; another carrier may be
            }
        }
        return Optional.empty();
    }

    private static NotFound notFound() {
        return new NotFound("no such media");
    }
}

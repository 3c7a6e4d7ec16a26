package ponte.core.media;

import java.util.ArrayList;
import java.util.List;
import ponte.core.Invalid;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.items.ItemId;
import ponte.core.orgs.OrgId;

/**
 * An editor attaching its org's media to an item it publishes or revises. A partner must never receive a rendition
 * link that does not answer, so an item naming files still processing waits for them ({@link HeldItems}) rather than
 * going out without them; a failed file is refused.
 */
public final class Attaching {
    private final MediaLibrary library;

    public Attaching(MediaLibrary library) {
        this.library = library;
    }

    /**
     * The files named, each the caller's org's and ready or still processing, in the order named: a publish naming a
     * processing file is held until it is ready (see {@link HeldItems}); a failed file is refused.
     */
    public List<Media> awaited(Caller caller, List<String> ids, String pointer) {
        OrgId org = caller.actingFor(Role.EDITOR);
        List<Media> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String at = pointer + "/" + i;
            // Another org's file answers as a missing one: its existence is not the caller's business.
            Media media = library.byId(ids.get(i)).filter(m -> m.owner().equals(org))
                    .orElseThrow(() -> new Invalid(at, "no such media"));
            if (media.state() == MediaState.DELETED) {
                throw new Invalid(at, "media " + media.id() + " was deleted: " + media.reason().orElse("its items were killed"));
            }
            if (media.state() == MediaState.FAILED) {
                throw new Invalid(at, "media " + media.id() + " failed and has no renditions: " + media.reason().orElse("unknown"));
            }
            out.add(media);
        }
        if (out.stream().map(Media::id).distinct().count() != out.size()) {
            throw new Invalid(pointer, "each media file may be attached once");
        }
        return out;
    }

    /** How many of its files the desk offers to attach: the newest. */
    public static final int OFFERED = 100;

    /** The files an editor of the caller's org may attach now: its own, ready or still processing, newest first. */
    public List<Media> attachable(Caller caller) {
        return library.owned(caller.actingFor(Role.EDITOR), java.util.Set.of(MediaState.READY, MediaState.PROCESSING), OFFERED);
    }

    /** Whether the file is still being made into renditions. */
    public boolean processing(String id) {
        return library.byId(id).map(m -> m.state() == MediaState.PROCESSING).orElse(false);
    }

    /** The ids of those of {@code media} still being made into renditions. */
    public static List<String> waitingFor(List<Media> media) {
        return media.stream().filter(m -> m.state() == MediaState.PROCESSING).map(Media::id).toList();
    }

    /** Those of {@code media} ready now: the files whose renditions an item carries when it goes out. */
    public static List<Media> ready(List<Media> media) {
        return media.stream().filter(m -> m.state() == MediaState.READY).toList();
    }

    /** Records what the item's latest version carries (nothing, when it carries none), for the gate of downloads. */
    public void attached(ItemId item, List<Media> media) {
        library.carry(item, media.stream().map(Media::id).toList());
    }
}

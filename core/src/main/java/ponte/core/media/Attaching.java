package ponte.core.media;

import java.util.ArrayList;
import java.util.List;
import ponte.core.Conflict;
import ponte.core.Invalid;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.items.ItemId;
import ponte.core.orgs.OrgId;

/**
 * An editor attaching its org's media to an item it publishes or revises. Only ready files may be attached: a partner
 * must never receive a rendition link that does not answer, so an item waits for its media rather than going out
 * without them.
 */
public final class Attaching {
    private final MediaLibrary library;

    public Attaching(MediaLibrary library) {
        this.library = library;
    }

    /**
     * The files named, each the caller's org's and ready, in the order named.
     *
     * @param pointer where the ids are in the request ({@code /media})
     */
    public List<Media> ready(Caller caller, List<String> ids, String pointer) {
        OrgId org = caller.actingFor(Role.EDITOR);
        List<Media> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String at = pointer + "/" + i;
            // Another org's file answers as a missing one: its existence is not the caller's business.
            Media media = library.byId(ids.get(i)).filter(m -> m.owner().equals(org))
                    .orElseThrow(() -> new Invalid(at, "no such media"));
            switch (media.state()) {
                case READY -> out.add(media);
                case FAILED -> throw new Invalid(at, "media " + media.id() + " failed and has no renditions: " + media.reason().orElse("unknown"));
                case PROCESSING -> throw new Conflict("media " + media.id() + " is still being made into renditions (" + media.progress()
                        + "%); publish once GET /v1/media/" + media.id() + " says ready");
            }
        }
        if (out.stream().map(Media::id).distinct().count() != out.size()) {
            throw new Invalid(pointer, "each media file may be attached once");
        }
        return out;
    }

    /** Records what the item's latest version carries (nothing, when it carries none), for the gate of downloads. */
    public void attached(ItemId item, List<Media> media) {
        library.carry(item, media.stream().map(Media::id).toList());
    }
}

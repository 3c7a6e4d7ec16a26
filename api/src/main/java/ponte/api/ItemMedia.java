package ponte.api;

import java.util.ArrayList;
import java.util.List;
import ponte.core.access.Caller;
import ponte.core.media.Attaching;
import ponte.core.media.Media;
import tools.jackson.databind.JsonNode;

/**
 * {@code "media": ["<id>", …]} beside an item's ninjs: the files' ready renditions are written into the document's ninjs
 * {@code renditions} ({@link ponte.formats.Renditions#attached}) before it is read and validated.
 */
final class ItemMedia {
    static final String MEMBER = "media";

    private ItemMedia() {}

    /** The files the body names (none when it has no {@code media}), the caller's, ready or processing; refusals point into the body. */
    static List<Media> named(Attaching attaching, Caller caller, JsonNode body) {
        if (!body.has(MEMBER) || body.get(MEMBER).isNull()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(JsonInput.textsAt(body.get(MEMBER), "/" + MEMBER));
        if (ids.size() != body.get(MEMBER).size()) {
            throw new ponte.core.Invalid("/" + MEMBER, "each media file may be attached once");
        }
        return attaching.awaited(caller, ids, "/" + MEMBER);
    }
}

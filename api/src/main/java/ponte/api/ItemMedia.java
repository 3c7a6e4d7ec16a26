package ponte.api;

import java.util.ArrayList;
import java.util.List;
import ponte.core.access.Caller;
import ponte.core.media.Attaching;
import ponte.core.media.Media;
import ponte.core.media.Rendition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code "media": ["<id>", …]} beside an item's ninjs: the files' ready renditions written into the document's ninjs
 * {@code renditions} (href, contentType, width, height, duration, sizeInBytes) before it is read and validated, so every
 * format renders them as it renders any rendition (NewsML-G2 remoteContent, Atom enclosures).
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

    /** A copy of the ninjs with the renditions of {@code media} after any it had; the ninjs itself when there are none. */
    static JsonNode withRenditions(JsonNode ninjs, List<Media> media, String base) {
        if (media.isEmpty()) {
            return ninjs;
        }
        ObjectNode copy = ((ObjectNode) ninjs).deepCopy();
        ArrayNode renditions = copy.has("renditions") && copy.get("renditions").isArray() ? (ArrayNode) copy.get("renditions")
                : copy.putArray("renditions");
        for (int i = 0; i < media.size(); i++) {
            Media m = media.get(i);
            for (Rendition r : m.renditions()) {
                // Names are unique within an item: the first file's renditions keep theirs, later files' are numbered.
                ObjectNode out = renditions.addObject().put("name", i == 0 ? r.name() : r.name() + "-" + (i + 1))
                        .put("href", base + MediaResource.href(m.id(), r.name()))
                        .put("contentType", r.contentType());
                m.filename().ifPresent(f -> out.put("title", f));
                r.width().ifPresent(w -> out.put("width", w));
                r.height().ifPresent(h -> out.put("height", h));
                out.put("sizeInBytes", r.blob().size());
                r.durationMs().ifPresent(d -> out.put("duration", d / 1000.0));
            }
        }
        return copy;
    }
}

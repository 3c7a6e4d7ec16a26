package ponte.formats;

import java.util.List;
import java.util.function.Predicate;
import ponte.core.media.Media;
import ponte.core.media.Rendition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An item's ninjs {@code renditions} made of Ponte's media files: written from the files an editor attaches (the API
 * and the desk alike), and narrowed to those a partner chose (its rendition profile). Only Ponte's own media
 * renditions (their href leads to {@code /v1/media/}) are chosen among; renditions an editor linked elsewhere stay.
 */
public final class Renditions {
    static final String MEDIA_PATH = "/v1/media/";

    private Renditions() {}

    /** Where a rendition is downloaded, relative to the node's base. */
    public static String href(String mediaId, String rendition) {
        return MEDIA_PATH + mediaId + "/renditions/" + rendition;
    }

    /**
     * A copy of the ninjs with the renditions of the ready files {@code media} after any it had (href, contentType,
     * width, height, duration, sizeInBytes), so every format renders them as it renders any rendition (NewsML-G2
     * remoteContent, Atom enclosures); the ninjs itself when there are none.
     *
     * @param base the node's base the request came to, for absolute hrefs
     */
    public static JsonNode attached(JsonNode ninjs, List<Media> media, String base) {
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
                        .put("href", base + href(m.id(), r.name()))
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

    /** Removes, in place, the Ponte renditions {@code wanted} refuses by name; drops the member when none is left. */
    public static ObjectNode keep(ObjectNode ninjs, Predicate<String> wanted) {
        JsonNode renditions = ninjs.get("renditions");
        if (!(renditions instanceof ArrayNode list)) {
            return ninjs;
        }
        for (int i = list.size() - 1; i >= 0; i--) {
            JsonNode r = list.get(i);
            if (r.path("href").asString("").contains(MEDIA_PATH) && !wanted.test(r.path("name").asString(""))) {
                list.remove(i);
            }
        }
        if (list.isEmpty()) {
            ninjs.remove("renditions");
        }
        return ninjs;
    }
}

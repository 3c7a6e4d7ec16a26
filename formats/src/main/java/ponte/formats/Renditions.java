package ponte.formats;

import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Narrows an item's ninjs {@code renditions} to those a partner chose (its rendition profile). Only Ponte's own media
 * renditions (their href leads to {@code /v1/media/}) are chosen among; renditions an editor linked elsewhere stay.
 */
public final class Renditions {
    static final String MEDIA_PATH = "/v1/media/";

    private Renditions() {}

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

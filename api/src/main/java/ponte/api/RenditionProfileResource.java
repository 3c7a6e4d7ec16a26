package ponte.api;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import ponte.core.media.ChoosingRenditions;
import ponte.core.media.RenditionProfile;
import ponte.core.orgs.OrgId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** /v1/orgs/{org}/rendition-profile: which renditions and subtitle languages a partner's feeds, items and webhooks list. */
public final class RenditionProfileResource implements Resource {
    private static final Members PROFILE = Members.of("renditions", "subtitles");

    private final ChoosingRenditions choosing;

    public RenditionProfileResource(ChoosingRenditions choosing) {
        this.choosing = choosing;
    }

    @Override
    public void register(Routes routes) {
        routes.add("GET", "/v1/orgs/{org}/rendition-profile", this::get);
        routes.add("PUT", "/v1/orgs/{org}/rendition-profile", this::put);
    }

    private void get(Exchange x) {
        x.json(200, view(choosing.get(x.caller(), org(x))));
    }

    private void put(Exchange x) {
        var caller = x.caller();
        OrgId org = org(x);
        JsonNode body = x.body(PROFILE);
        RenditionProfile profile = RenditionProfile.of(list(body, "renditions"), list(body, "subtitles"));
        x.json(200, view(choosing.choose(caller, org, profile)));
    }

    private static OrgId org(Exchange x) {
        return JsonInput.at("/org", () -> new OrgId(x.path("org")));
    }

    private static List<String> list(JsonNode body, String field) {
        return body.has(field) && !body.get(field).isNull() ? new ArrayList<>(JsonInput.textsAt(body.get(field), "/" + field)) : List.of();
    }

    private static ObjectNode view(RenditionProfile p) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        new TreeSet<>(p.renditions()).forEach(out.putArray("renditions")::add);
        new TreeSet<>(p.subtitles()).forEach(out.putArray("subtitles")::add);
        return out;
    }
}

package ponte.api;

import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.log.Cursor;
import ponte.core.log.FeedEntry;
import ponte.core.log.Feeds;
import ponte.core.orgs.OrgId;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** GET /v1/feed: a partner's cursor feed of what it is entitled to, in log order. */
final class FeedResource {
    static final int DEFAULT_LIMIT = 50;

    private final Services s;
    private final ItemViews views;

    FeedResource(Services s, ItemViews views) {
        this.s = s;
        this.views = views;
    }

    void register(Routes routes) {
        routes.add("GET", "/v1/feed", this::page);
    }

    private void page(Exchange x) {
        Caller caller = x.caller();
        OrgId partner = caller.actingFor(Role.PARTNER);
        Cursor after = Cursor.parse("after", x.query("after").orElse(null));
        int limit = x.intQuery("limit", DEFAULT_LIMIT);
        Feeds.Page page = s.feeds().page(caller, after, limit);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode entries = body.putArray("entries");
        for (FeedEntry e : page.entries()) {
            entries.addObject()
                    .put("cursor", e.cursor().encode())
                    .put("event", e.event().wire())
                    .set("item", views.forPartner(partner, e.item(), e.version()));
        }
        body.put("next", page.next().encode());
        x.header("Link", "</v1/feed?after=" + page.next().encode() + "&limit=" + limit + ">; rel=\"next\"");
        x.header("Cache-Control", "private, no-cache");
        x.json(200, body);
    }
}

package ponte.api;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import ponte.core.Invalid;
import ponte.core.campaigns.Audience;
import ponte.core.campaigns.LiveEvent;
import ponte.core.campaigns.LiveEventTerms;
import ponte.core.campaigns.LiveEventing;
import ponte.core.campaigns.ViewerSample;
import ponte.core.items.ItemId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * /v1/live-events: a campaign's live streams, their partners' viewer reports, and the viewers counted both ways. The
 * heartbeat that players send is {@link HeartbeatResource}'s.
 */
public final class LiveEventsResource implements Resource {
    private static final Members NEW = Members.of("id", "campaign", "item", "title", "startDate", "endDate", "channel");
    private static final Members REPORT = Members.of().withEach("samples", Members.of("at", "concurrent", "unique"));
    /** Far above any stream's audience; bounds what a mistaken report can add up to. */
    private static final long MOST_VIEWERS = 10_000_000_000L;
    private static final int MOST_SAMPLES = 10_000;

    private final LiveEventing liveEventing;

    public LiveEventsResource(LiveEventing liveEventing) {
        this.liveEventing = liveEventing;
    }

    @Override
    public void register(Routes routes) {
        routes.add("POST", "/v1/live-events", this::create);
        routes.add("GET", "/v1/live-events", this::list);
        routes.add("GET", "/v1/live-events/{id}", this::show);
        routes.add("POST", "/v1/live-events/{id}/viewers", this::report);
    }

    private void create(Exchange x) {
        var caller = x.caller();
        JsonNode body = x.body(NEW);
        LiveEventTerms terms = new LiveEventTerms(JsonInput.text(body, "id"), JsonInput.text(body, "campaign"),
                JsonInput.optionalText(body, "item").map(i -> JsonInput.at("/item", () -> new ItemId(i))), JsonInput.text(body, "title"),
                required(body, "startDate"), required(body, "endDate"), JsonInput.text(body, "channel"));
        LiveEvent event = liveEventing.create(caller, terms);
        x.header("Location", "/v1/live-events/" + event.id());
        x.json(201, view(x, liveEventing.watched(caller, event.id())));
    }

    private void list(Exchange x) {
        var caller = x.caller();
        Paging.send(x, Paging.of(x, liveEventing.mine(caller), LiveEvent::id), e -> event(x, e));
    }

    private void show(Exchange x) {
        x.json(200, view(x, liveEventing.watched(x.caller(), x.path("id"))));
    }

    private void report(Exchange x) {
        var caller = x.caller();
        JsonNode body = x.body(REPORT);
        JsonNode samples = body.get("samples");
        if (samples == null || !samples.isArray() || samples.isEmpty() || samples.size() > MOST_SAMPLES) {
            throw new Invalid("/samples", "samples is required: an array of 1 to " + MOST_SAMPLES + " samples");
        }
        List<ViewerSample> read = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            JsonNode s = samples.get(i);
            read.add(JsonInput.within("/samples/" + i, () -> new ViewerSample(required(s, "at"),
                    count(s, "concurrent").orElseThrow(() -> new Invalid("/concurrent", "concurrent is required")), count(s, "unique"))));
        }
        liveEventing.report(caller, x.path("id"), read);
        x.json(200, view(x, liveEventing.watched(caller, x.path("id"))));
    }

    private static java.time.Instant required(JsonNode body, String field) {
        return AgreementTerms.instant(body, field).orElseThrow(() -> new Invalid("/" + field, field + " is required"));
    }

    /** A whole number of viewers, from 0. */
    private static OptionalLong count(JsonNode node, String field) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            return OptionalLong.empty();
        }
        if (!n.isIntegralNumber() || n.longValue() < 0 || n.longValue() > MOST_VIEWERS) {
            throw new Invalid("/" + field, field + " must be a whole number of viewers from 0");
        }
        return OptionalLong.of(n.longValue());
    }

    static ObjectNode event(Exchange x, LiveEvent e) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", e.id());
        node.put("campaign", e.campaign());
        node.put("owner", e.owner().value());
        node.put("channel", e.channel());
        node.put("partner", e.partner().value());
        e.item().ifPresent(i -> node.put("item", i.value()));
        node.put("title", e.title());
        node.put("startDate", e.start().toString());
        node.put("endDate", e.end().toString());
        node.put("heartbeatUrl", x.base() + "/go/live/" + e.code());
        return node;
    }

    private static ObjectNode view(Exchange x, LiveEventing.Watched w) {
        ObjectNode node = event(x, w.event());
        ObjectNode viewers = node.putObject("viewers");
        viewers.set("reported", audience(w.reported()));
        viewers.set("heartbeats", audience(w.heartbeats()));
        return node;
    }

    private static ObjectNode audience(Audience a) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("peakConcurrent", a.peak());
        a.unique().ifPresent(u -> node.put("uniqueViewers", u));
        node.put("watchTime", a.watchTime().toString());
        node.put("watchSeconds", a.watchTime().toSeconds());
        ArrayNode curve = node.putArray("curve");
        a.curve().forEach(m -> curve.addObject().put("at", m.at().toString()).put("concurrent", m.concurrent()));
        return node;
    }
}

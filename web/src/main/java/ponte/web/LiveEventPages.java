package ponte.web;

import java.util.Map;
import ponte.core.campaigns.LiveEventing;

/**
 * Live events for their campaign's owner and the channel's partner: the list of theirs, and one event's viewers
 * (peak, unique, watch time, the curve per minute) as the partner reported them and as heartbeats counted them.
 * Anyone else is told the event does not exist ({@link LiveEventing} decides).
 */
public final class LiveEventPages implements Section {
    private final LiveEventing liveEventing;

    public LiveEventPages(LiveEventing liveEventing) {
        this.liveEventing = liveEventing;
    }

    @Override
    public void register(Pages pages) {
        pages.get("/app/live", this::list).get("/app/live/{id}", this::event);
    }

    private void list(Visit visit) {
        visit.render(200, "live-events.jte", Map.of("page", visit.page(visit.messages().t("live.title")),
                "events", liveEventing.mine(visit.caller())));
    }

    private void event(Visit visit) {
        LiveEventing.Watched watched = liveEventing.watched(visit.caller(), visit.param("id"));
        visit.render(200, "live-event.jte", Map.of("page", visit.page(watched.event().title()), "view", LiveEventView.of(watched)));
    }
}

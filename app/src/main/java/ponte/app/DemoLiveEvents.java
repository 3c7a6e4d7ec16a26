package ponte.app;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.campaigns.LiveEventTerms;
import ponte.core.campaigns.LiveEventing;
import ponte.core.campaigns.ViewerSample;
import ponte.core.items.ItemId;
import ponte.core.orgs.OrgId;
import ponte.storage.JdbcItems;
import tools.jackson.databind.JsonNode;

/**
 * The demo network's live events (section {@code liveEvents} of {@code demo/network.json}, on campaigns
 * {@link DemoCampaign} made), made through the same use cases the API calls by the campaign owner's editor, and each
 * one's viewers reported by the channel's partner, one sample a minute. Loading again reports the same samples at the
 * same minutes, which replace themselves.
 */
final class DemoLiveEvents {
    private final LiveEventing liveEventing;
    private final JdbcItems items;

    DemoLiveEvents(LiveEventing liveEventing, JdbcItems items) {
        this.liveEventing = liveEventing;
        this.items = items;
    }

    void load(JsonNode network) {
        for (JsonNode e : network.path("liveEvents")) {
            String campaign = e.get("campaign").asString();
            OrgId ownerOrg = network.path("campaigns").valueStream().filter(c -> c.get("id").asString().equals(campaign)).findFirst()
                    .map(c -> new OrgId(c.get("owner").asString())).orElseThrow();
            Instant start = Instant.parse(e.get("startDate").asString());
            Instant end = Instant.parse(e.get("endDate").asString());
            var event = liveEventing.create(new Caller.Member(ownerOrg, Role.EDITOR), new LiveEventTerms(e.get("id").asString(), campaign,
                    Optional.ofNullable(e.get("item")).map(uri -> item(uri.asString())), e.get("title").asString(), start, end,
                    e.get("channel").asString()));
            liveEventing.report(new Caller.Member(event.partner(), Role.PARTNER), event.id(), curve(e.get("viewers"), start, end));
        }
    }

    private ItemId item(String uri) {
        return items.byUri(uri).orElseThrow(() -> new IllegalStateException("no demo item " + uri)).id();
    }

    /**
     * A minute-by-minute audience as a platform reports one: a bell that rises to {@code peak} at {@code peakAt}
     * (narrower before the peak than after: people join fast and leave slowly), from a share of the peak at the start,
     * with a ripple of up to 3 % so that no two minutes look alike; the distinct viewers so far grow by the minute's
     * audience over the average minutes watched. Deterministic: the same file gives the same samples.
     */
    static List<ViewerSample> curve(JsonNode viewers, Instant start, Instant end) {
        long peak = viewers.get("peak").asLong();
        Instant peakAt = Instant.parse(viewers.get("peakAt").asString());
        double share = viewers.get("startShare").asDouble();
        double average = viewers.get("averageMinutes").asDouble();
        double top = Duration.between(start, peakAt).toMinutes();
        List<ViewerSample> samples = new ArrayList<>();
        double unique = 0;
        for (Instant at = start; !at.isAfter(end); at = at.plus(Duration.ofMinutes(1))) {
            double t = Duration.between(start, at).toMinutes();
            double width = t < top ? 38 : 55;
            double bell = Math.exp(-Math.pow((t - top) / width, 2));
            double ripple = at.equals(peakAt) ? 1 : 1 - 0.03 * (0.5 + 0.5 * Math.sin(1.3 * t));
            long concurrent = Math.round(peak * (share + (1 - share) * bell) * ripple);
            unique = samples.isEmpty() ? concurrent : Math.max(unique + concurrent / average, concurrent);
            samples.add(new ViewerSample(at, concurrent, OptionalLong.of(Math.round(unique))));
        }
        return samples;
    }
}

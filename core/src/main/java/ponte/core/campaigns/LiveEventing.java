package ponte.core.campaigns;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import ponte.core.Conflict;
import ponte.core.Ids;
import ponte.core.Invalid;
import ponte.core.NotAllowed;
import ponte.core.NotFound;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.audit.Action;
import ponte.core.audit.Audit;
import ponte.core.orgs.OrgId;

/**
 * Live events of campaigns: the campaign owner's editors create them on one of its live channels; the channel's
 * partner reports viewers; the owner and that partner read them with their viewers. To anyone else an event does not
 * exist (404), as its campaign does not.
 */
public final class LiveEventing {
    /** A live event with its viewers, counted apart by the partner's reports and by heartbeats. */
    public record Watched(LiveEvent event, Audience reported, Audience heartbeats) {}

    private final Campaigning campaigning;
    private final LiveEvents events;
    private final Heartbeats heartbeats;
    private final Audit audit;
    private final RandomGenerator random;

    public LiveEventing(Campaigning campaigning, LiveEvents events, Heartbeats heartbeats, Audit audit, RandomGenerator random) {
        this.campaigning = campaigning;
        this.events = events;
        this.heartbeats = heartbeats;
        this.audit = audit;
        this.random = random;
    }

    /** A new live event; the same terms again under the same id is the first answer (a retry). */
    public synchronized LiveEvent create(Caller caller, LiveEventTerms terms) {
        Ids.requireUrlSafe("id", terms.id());
        Campaign campaign = campaigning.mine(caller).stream().filter(c -> c.id().equals(terms.campaign())).findFirst()
                .orElseThrow(() -> new Invalid("/campaign", "no such campaign among your org's campaigns"));
        OrgId owner = caller.actingFor(Role.EDITOR);
        if (!campaign.owner().equals(owner)) {
            throw new NotAllowed("only " + campaign.owner() + " creates live events of campaign " + campaign.id());
        }
        Channel channel = campaign.terms().channels().stream().filter(c -> c.id().equals(terms.channel())).findFirst()
                .filter(c -> c.kind() == ChannelKind.LIVE)
                .orElseThrow(() -> new Invalid("/channel", "channel must be one of the campaign's live channels"));
        terms.item().filter(i -> !campaign.terms().items().contains(i)).ifPresent(i -> {
            throw new Invalid("/item", "item must be one of the campaign's items");
        });
        if (!terms.end().isAfter(terms.start())) {
            throw new Invalid("/endDate", "endDate must be after startDate");
        }
        LiveEvent asked = new LiveEvent(terms.id(), campaign.id(), owner, channel.id(), channel.partner(), terms.item(), terms.title(),
                terms.start(), terms.end(), Offering.code(random));
        var existing = events.byId(terms.id());
        if (existing.isPresent()) {
            if (existing.get().sameAs(asked)) {
                return existing.get();
            }
            throw new Conflict("live event id '" + terms.id() + "' is taken");
        }
        audit.change(caller, Action.CAMPAIGN_LIVE_EVENT, () -> events.create(asked),
                new Audit.Note(campaign.id(), "live event " + asked.title() + " of campaign " + campaign.terms().title(), asked.concerned()));
        return events.byId(asked.id()).orElseThrow();
    }

    public LiveEvent read(Caller caller, String id) {
        return events.byId(id).filter(e -> e.visibleTo(caller)).orElseThrow(() -> new NotFound("no live event " + id));
    }

    /** The event with its viewers as reported and as heartbeats counted them. */
    public Watched watched(Caller caller, String id) {
        LiveEvent event = read(caller, id);
        return new Watched(event, Audience.reported(events.samples(id), event.end()),
                Audience.measured(heartbeats.perMinute(id), heartbeats.viewers(id)));
    }

    /** The live events of the campaigns the caller's org owns or carries and may see, by start. */
    public List<LiveEvent> mine(Caller caller) {
        List<String> campaigns = campaigning.mine(caller).stream().map(Campaign::id).toList();
        return campaigns.isEmpty() ? List.of() : events.ofCampaigns(campaigns).stream().filter(e -> e.visibleTo(caller)).toList();
    }

    /**
     * Viewers the channel's partner counted, committed before this returns. Samples lie within the event's start and
     * end; one at a moment already reported replaces it (a partner's correction, or a retry).
     */
    public void report(Caller caller, String id, List<ViewerSample> samples) {
        LiveEvent event = read(caller, id);
        if (!caller.belongsTo(event.partner())) {
            throw new NotAllowed("only " + event.partner() + ", whose channel carries the event, reports its viewers");
        }
        List<Invalid.Violation> outside = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            ViewerSample s = samples.get(i);
            if (s.at().isBefore(event.start()) || s.at().isAfter(event.end())) {
                outside.add(new Invalid.Violation("/samples/" + i + "/at", "at must lie between the event's startDate and endDate"));
            }
        }
        if (!outside.isEmpty()) {
            throw new Invalid(outside);
        }
        events.report(id, samples);
    }
}

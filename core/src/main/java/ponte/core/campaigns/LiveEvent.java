package ponte.core.campaigns;

import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import ponte.core.Ids;
import ponte.core.access.Caller;
import ponte.core.items.ItemId;
import ponte.core.orgs.OrgId;

/**
 * A live stream of a campaign on one of its live channels. Its owner is the campaign's; its partner the channel's,
 * who reports viewers. Players count themselves by heartbeats to {@code /go/live/{code}}; the code is 128 random bits,
 * like a tracked link's, so no one can count into another's event by walking codes.
 */
public record LiveEvent(String id, String campaign, OrgId owner, String channel, OrgId partner, Optional<ItemId> item,
                        String title, Instant start, Instant end, String code) {
    public LiveEvent {
        Ids.requireUrlSafe("id", id);
        Objects.requireNonNull(campaign);
        Objects.requireNonNull(owner);
        Objects.requireNonNull(channel);
        Objects.requireNonNull(partner);
        Objects.requireNonNull(item);
        Objects.requireNonNull(title);
        Objects.requireNonNull(code);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a live event ends after it starts");
        }
    }

    /** The owner and the channel's partner: who may know the event exists. */
    public Set<OrgId> concerned() {
        Set<OrgId> orgs = new HashSet<>(Set.of(owner));
        orgs.add(partner);
        return Set.copyOf(orgs);
    }

    public boolean visibleTo(Caller caller) {
        return caller.belongsToAny(concerned());
    }

    /** Whether another request to create this event asks for the same event (a retry); the code is the store's. */
    boolean sameAs(LiveEvent other) {
        return id.equals(other.id) && campaign.equals(other.campaign) && owner.equals(other.owner) && channel.equals(other.channel)
                && item.equals(other.item) && title.equals(other.title) && start.equals(other.start) && end.equals(other.end);
    }
}

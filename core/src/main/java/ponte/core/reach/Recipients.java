package ponte.core.reach;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import ponte.core.NotFound;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.items.Event;
import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.items.Items;
import ponte.core.items.Version;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Orgs;

/**
 * After a correction or a kill, who has it and who has not: every partner that received any version of an item, and
 * for the latest version whether it was read, delivered by push, or is still outstanding. Only the item's owners (an
 * editor or admin) may ask; to anyone else the item does not exist.
 */
public final class Recipients {
    /** What became of the latest version with one partner: read is more than delivered, delivered more than outstanding. */
    public enum State {
        READ, DELIVERED, OUTSTANDING;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** @param at when it was read or delivered; empty while outstanding */
    public record Recipient(OrgId partner, String name, int lastVersion, State state, Optional<Instant> routedAt, Optional<Instant> at) {}

    /** The latest version, what it was (a correction, a kill), and its recipients, outstanding first, then by name. */
    public record Roster(ItemId item, int latestVersion, Event event, List<Recipient> recipients) {}

    private final RecipientFacts facts;
    private final Items items;
    private final Orgs orgs;

    public Recipients(RecipientFacts facts, Items items, Orgs orgs) {
        this.facts = facts;
        this.items = items;
        this.orgs = orgs;
    }

    public Roster of(Caller caller, ItemId id, boolean outstandingOnly) {
        Item item = caller.memberOf().flatMap(org -> items.byId(id).filter(i -> i.ownedBy(org)))
                .orElseThrow(() -> new NotFound("no such item"));
        caller.actingFor(Role.EDITOR);
        Version latest = items.version(id, item.latestVersion()).orElseThrow(() -> new NotFound("no such item"));
        List<Recipient> recipients = facts.of(id, latest.number()).stream()
                .map(this::recipient)
                .filter(r -> !outstandingOnly || r.state() == State.OUTSTANDING)
                .sorted(Comparator.comparing(Recipient::state).reversed().thenComparing(Recipient::name).thenComparing(r -> r.partner().value()))
                .toList();
        return new Roster(id, latest.number(), latest.event(), recipients);
    }

    private Recipient recipient(RecipientFacts.Received r) {
        String name = orgs.byId(r.partner()).map(o -> o.name()).orElse(r.partner().value());
        if (r.readAt().isPresent()) {
            return new Recipient(r.partner(), name, r.lastVersion(), State.READ, r.routedAt(), r.readAt());
        }
        if (r.deliveredAt().isPresent()) {
            return new Recipient(r.partner(), name, r.lastVersion(), State.DELIVERED, r.routedAt(), r.deliveredAt());
        }
        return new Recipient(r.partner(), name, r.lastVersion(), State.OUTSTANDING, r.routedAt(), Optional.empty());
    }
}

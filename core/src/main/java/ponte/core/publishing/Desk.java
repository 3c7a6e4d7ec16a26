package ponte.core.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ponte.core.Conflict;
import ponte.core.NotFound;
import ponte.core.licensing.Entitlements;
import ponte.core.orgs.OrgId;
import ponte.core.log.Revision;
import ponte.core.items.Change;
import ponte.core.items.Event;
import ponte.core.items.Item;
import ponte.core.items.Version;

/**
 * Decides what a change does to an item: which version it makes and who receives it. Pure rules; the content log
 * runs it under its single writer, with the item's state as it is at that moment, so decisions follow log order.
 */
public final class Desk {
    /** Assigned item uris; a client may bring its own instead. */
    public static final String URI_PREFIX = "urn:ponte:item:";

    private final Entitlements entitlements;
    private final Clock clock;

    public Desk(Entitlements entitlements, Clock clock) {
        this.entitlements = entitlements;
        this.clock = clock;
    }

    /**
     * @param current the item the change addresses, if it exists (for a publish: the item with that uri)
     * @param latest its latest version
     * @param received each org that received the item, with the highest version it received
     */
    public Revision apply(Optional<Item> current, Optional<Version> latest, Change change, Map<OrgId, Integer> received) {
        Instant now = clock.instant();
        Revision revision = switch (change) {
            case Change.Publish p -> current.isPresent()
                    ? republish(current.get(), p, now)
                    : firstVersion(p, now);
            case Change.Revise r -> revise(ownedLive(current, r.by()), latest.orElseThrow(), r, now);
            case Change.Kill k -> kill(ownedLive(current, k.by()), latest.orElseThrow(), k, now);
            case Change.Release r -> release(current.orElseThrow(() -> new NotFound("no such item")), latest.orElseThrow());
        };
        Item item = revision.item();
        Version version = revision.version();
        Optional<Instant> next = version.isKill() ? Optional.empty() : entitlements.nextRelease(item, version, now);
        return new Revision(item, version, revision.release(), entitlements.route(item, version, received, now), next);
    }

    private static Revision release(Item item, Version latest) {
        return new Revision(item, latest, true, List.of(), Optional.empty());
    }

    private static Revision firstVersion(Change.Publish p, Instant now) {
        String uri = p.uri().orElse(URI_PREFIX + p.newId().value());
        Item item = new Item(p.newId(), uri, Set.of(p.by()), 1, now, false);
        return new Revision(item, new Version(item.id(), 1, Event.PUBLISHED, now, p.content(), p.products(), p.rights(), Optional.empty()), false, List.of(), Optional.empty());
    }

    private static Revision republish(Item existing, Change.Publish p, Instant now) {
        if (!existing.ownedBy(p.by())) {
            throw new Conflict("uri " + existing.uri() + " is already used by another organisation's item");
        }
        Item live = requireLive(existing);
        Item next = withVersion(live, live.latestVersion() + 1, false);
        return new Revision(next, new Version(next.id(), next.latestVersion(), Event.UPDATED, now, p.content(), p.products(), p.rights(), Optional.empty()), false, List.of(), Optional.empty());
    }

    /** A revision keeps the products and rights of the version it revises. */
    private static Revision revise(Item item, Version latest, Change.Revise r, Instant now) {
        Item next = withVersion(item, item.latestVersion() + 1, false);
        return new Revision(next, new Version(next.id(), next.latestVersion(), r.signal(), now, r.content(), latest.products(), latest.rights(), Optional.empty()), false, List.of(), Optional.empty());
    }

    private static Revision kill(Item item, Version latest, Change.Kill k, Instant now) {
        Item next = withVersion(item, item.latestVersion() + 1, true);
        return new Revision(next, new Version(next.id(), next.latestVersion(), Event.KILLED, now, latest.content(), latest.products(), latest.rights(), Optional.of(k.reason())), false, List.of(), Optional.empty());
    }

    private static Item ownedLive(Optional<Item> current, OrgId by) {
        Item item = current.filter(i -> i.ownedBy(by)).orElseThrow(() -> new NotFound("no such item"));
        return requireLive(item);
    }

    private static Item requireLive(Item item) {
        if (item.killed()) {
            throw new Conflict("item " + item.id() + " was killed at version " + item.latestVersion() + " and cannot change");
        }
        return item;
    }

    private static Item withVersion(Item item, int version, boolean killed) {
        return new Item(item.id(), item.uri(), item.owners(), version, item.firstCreated(), killed);
    }
}

package ponte.core.publishing;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import ponte.core.Conflict;
import ponte.core.NotFound;
import ponte.core.items.Change;
import ponte.core.items.Event;
import ponte.core.items.Item;
import ponte.core.items.Version;
import ponte.core.log.LogEvent;
import ponte.core.orgs.OrgId;

/**
 * The rules of what a change does to an item: which version it makes, or why it is refused. Pure: {@link Appending}
 * asks it with the item's state as the log has it at that point, so decisions follow log order.
 */
public final class Desk {
    /** Assigned item uris; a client may bring its own instead. */
    public static final String URI_PREFIX = "urn:ponte:item:";

    /** What a change makes: the item's new state, the version the entry carries, and the event the log records. */
    record Decision(Item item, Version version, LogEvent event) {
        static Decision of(Item item, Version version) {
            return new Decision(item, version, LogEvent.of(version.event()));
        }
    }

    /**
     * @param current the item the change addresses, if it exists (for a publish: the item with that uri)
     * @param latest its latest version
     */
    Decision decide(Optional<Item> current, Optional<Version> latest, Change change, Instant now) {
        return switch (change) {
            case Change.Publish p -> current.isPresent()
                    ? republish(current.get(), p, now)
                    : firstVersion(p, now);
            case Change.Revise r -> revise(approvedByEveryOwner(ownedLive(current, r.by()), r.approvedBy()), latest.orElseThrow(), r, now);
            case Change.Kill k -> kill(ownedLive(current, k.by()), latest.orElseThrow(), k, now);
            case Change.Release r -> new Decision(current.orElseThrow(() -> new NotFound("no such item")), latest.orElseThrow(), LogEvent.RELEASED);
        };
    }

    private static Decision firstVersion(Change.Publish p, Instant now) {
        String uri = p.uri().orElse(URI_PREFIX + p.newId().value());
        Item item = new Item(p.newId(), uri, p.approvedBy(), 1, now, false);
        return Decision.of(item, new Version(item.id(), 1, Event.PUBLISHED, now, p.content(), p.products(), p.rights(), Optional.empty()));
    }

    private static Decision republish(Item existing, Change.Publish p, Instant now) {
        if (!existing.ownedBy(p.by())) {
            throw new Conflict("uri " + existing.uri() + " is already used by another organisation's item");
        }
        Item live = approvedByEveryOwner(requireLive(existing), p.approvedBy());
        Item next = withVersion(live, live.latestVersion() + 1, false);
        return Decision.of(next, new Version(next.id(), next.latestVersion(), Event.UPDATED, now, p.content(), p.products(), p.rights(), Optional.empty()));
    }

    /** A revision keeps the products and rights of the version it revises. */
    private static Decision revise(Item item, Version latest, Change.Revise r, Instant now) {
        Item next = withVersion(item, item.latestVersion() + 1, false);
        return Decision.of(next, new Version(next.id(), next.latestVersion(), r.signal(), now, r.content(), latest.products(), latest.rights(), Optional.empty()));
    }

    private static Decision kill(Item item, Version latest, Change.Kill k, Instant now) {
        Item next = withVersion(item, item.latestVersion() + 1, true);
        return Decision.of(next, new Version(next.id(), next.latestVersion(), Event.KILLED, now, latest.content(), latest.products(), latest.rights(), Optional.of(k.reason())));
    }

    private static Item ownedLive(Optional<Item> current, OrgId by) {
        Item item = current.filter(i -> i.ownedBy(by)).orElseThrow(() -> new NotFound("no such item"));
        return requireLive(item);
    }

    /**
     * A co-produced item changes only with a version an editor of every owner approved (the two-key release); any one
     * owner may still kill it at once.
     */
    private static Item approvedByEveryOwner(Item item, Set<OrgId> approvedBy) {
        if (!approvedBy.containsAll(item.owners())) {
            throw new Conflict("item " + item.id() + " is co-produced: a new version is a draft every party approves (POST /v1/items/"
                    + item.id() + "/approve)");
        }
        return item;
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

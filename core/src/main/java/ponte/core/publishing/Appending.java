package ponte.core.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ponte.core.Conflict;
import ponte.core.Invalid;
import ponte.core.audit.Action;
import ponte.core.audit.Actor;
import ponte.core.audit.AuditEntry;
import ponte.core.items.Change;
import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.items.Version;
import ponte.core.licensing.Entitlements;
import ponte.core.licensing.Route;
import ponte.core.log.Appended;
import ponte.core.log.Cursor;
import ponte.core.log.LogEvent;
import ponte.core.log.Revision;
import ponte.core.orgs.OrgId;

/**
 * What appending one change to the content log means, decided in one place: the version it makes ({@link Desk}), who
 * receives it ({@link Entitlements#route}, decided once, here, so corrections and kills follow the item to whoever
 * received it), and when it must be released again for those time will entitle. The log's writer calls it for each
 * change in log order, inside the transaction the entry commits in; it reads and writes only through that
 * {@link LogTransaction}.
 */
public final class Appending {
    private final Desk desk = new Desk();
    private final Entitlements entitlements;
    private final Clock clock;

    public Appending(Entitlements entitlements, Clock clock) {
        this.entitlements = entitlements;
        this.clock = clock;
    }

    /**
     * Decides {@code change} as the entry at {@code at} and writes it through {@code tx}, with an audit entry naming
     * {@code by} when someone made it. A refusal is thrown as a {@link ponte.core.PonteException}; the writer then
     * undoes whatever this wrote.
     */
    public Appended append(Change change, Optional<Actor> by, Cursor at, LogTransaction tx) {
        Instant now = clock.instant();
        Optional<Item> current = addressed(change, tx);
        Optional<Version> latest = current.flatMap(i -> tx.version(i.id(), i.latestVersion()));
        Map<OrgId, Integer> received = current.map(i -> tx.received(i.id())).orElse(Map.of());
        Desk.Decision decision = desk.decide(current, latest, change, now);
        Item item = decision.item();
        Version version = decision.version();
        List<Route> routes = entitlements.route(item, version, received, now);
        Optional<Instant> next = version.isKill() ? Optional.empty() : entitlements.nextRelease(item, version, now);
        Appended appended = new Appended(at, new Revision(item, version, decision.event(), routes, next,
                licensors(item, version, routes, received, now)), now);
        store(change, appended.revision(), tx);
        tx.append(appended);
        book(item, next, now, tx);
        if (by.isPresent() && decision.event() != LogEvent.RELEASED) { // time makes releases, nobody answers for them
            tx.audit(audited(change, appended, by.get()));
        }
        return appended;
    }

    /**
     * Whose licence carries the version to each partner: the owner, for an item with one; for a co-produced item, the
     * party whose licence the gate names (none for an earlier recipient whose licence no longer grants it).
     */
    private Map<OrgId, OrgId> licensors(Item item, Version version, List<Route> routes, Map<OrgId, Integer> received, Instant now) {
        Map<OrgId, OrgId> out = new java.util.HashMap<>();
        for (Route route : routes) {
            if (item.owners().size() == 1) {
                out.put(route.partner(), item.owners().iterator().next());
            } else {
                entitlements.access(route.partner(), item, version, received.containsKey(route.partner()), now)
                        .flatMap(Entitlements.Access::licence).ifPresent(l -> out.put(route.partner(), l.licensor()));
            }
        }
        return out;
    }

    /** The audit entry of a change someone made: what the entry's event was, to which item, in whose name. */
    private static AuditEntry audited(Change change, Appended appended, Actor actor) {
        Revision r = appended.revision();
        Action action = switch (r.event()) {
            case PUBLISHED -> Action.ITEM_PUBLISH;
            case UPDATED -> Action.ITEM_UPDATE;
            case CORRECTED -> Action.ITEM_CORRECT;
            case KILLED -> Action.ITEM_KILL;
            case RELEASED -> throw new IllegalArgumentException("a release is made by time, not by " + actor);
        };
        String summary = r.event().wire() + " version " + r.version().number() + " at " + appended.cursor()
                + (change instanceof Change.Kill k ? ": " + k.reason() : "");
        return new AuditEntry(appended.at(), actor, action, r.item().id().value(), summary, r.item().owners());
    }

    private static Optional<Item> addressed(Change change, LogTransaction tx) {
        return switch (change) {
            case Change.Publish p -> p.uri().flatMap(tx::itemWithUri);
            case Change.Revise r -> tx.item(r.item());
            case Change.Kill k -> tx.item(k.item());
            case Change.Release r -> tx.item(r.item());
        };
    }

    private static void store(Change change, Revision revision, LogTransaction tx) {
        if (revision.event() == LogEvent.RELEASED) {
            return; // no new version: the entry re-routes the latest one
        }
        if (revision.version().number() == 1) {
            tx.insertItem(revision.item());
        } else {
            tx.updateItem(revision.item());
        }
        tx.insertVersion(revision.version(), change.key());
        // In the entry's own transaction: a draft is released exactly once, however often or wherever its release is tried.
        change.draft().filter(d -> !tx.releaseDraft(revision.item().id(), d, revision.version().number())).ifPresent(d -> {
            throw new Conflict("draft " + d + " of item " + revision.item().id() + " was released already");
        });
        if (change instanceof Change.Publish p && p.translationOf().isPresent()) {
            ItemId set = link(revision.item(), p.translationOf().get(), p.by(), tx);
            // The desk asked for this language version: published, its task is done, with the entry that did it.
            revision.version().content().language().ifPresent(l -> tx.closeTranslationTasks(set, l, revision.version().created()));
        }
        if (revision.event() == LogEvent.CORRECTED || revision.event() == LogEvent.UPDATED) {
            followSource(revision, tx);
        }
    }

    /**
     * Language versions move together: a correction of a set's source (its first item) marks every other version as
     * needing an update; a revision of any other version clears its mark.
     */
    private static void followSource(Revision revision, LogTransaction tx) {
        ItemId item = revision.item().id();
        Optional<ItemId> set = tx.languageSet(item);
        if (set.isEmpty()) {
            return;
        }
        if (set.get().equals(item)) {
            if (revision.event() == LogEvent.CORRECTED) {
                tx.markTranslationsOutdated(set.get(), item);
            }
        } else {
            tx.markTranslationRevised(item);
        }
    }

    /**
     * Joins the item to the language-version set of {@code translationOf}, which must be another item sharing an owner
     * with it: the publishing org's own, or, for a co-production's items (owned by every party), any party's. Any other
     * item answers exactly as a missing one, so nothing is learnt about it. Returns the set.
     */
    private static ItemId link(Item item, ItemId translationOf, OrgId by, LogTransaction tx) {
        Item target = tx.item(translationOf).filter(t -> t.owners().stream().anyMatch(item::ownedBy) && !t.id().equals(item.id()))
                .orElseThrow(() -> new Invalid("/translationOf", "translationOf must be the id of another item of your organisation"));
        Optional<ItemId> targetSet = tx.languageSet(target.id());
        ItemId set = targetSet.orElse(target.id());
        if (targetSet.isEmpty()) {
            tx.joinLanguageSet(target.id(), set);
        }
        Optional<ItemId> current = tx.languageSet(item.id());
        if (current.isEmpty()) {
            tx.joinLanguageSet(item.id(), set);
        } else if (!current.get().equals(set)) {
            throw new Invalid("/translationOf", "this item is already a language version of another story");
        }
        return set;
    }

    /** A killed item is never released again; otherwise what was due is done, and the next release is booked. */
    private static void book(Item item, Optional<Instant> next, Instant now, LogTransaction tx) {
        if (item.killed()) {
            tx.cancelReleases(item.id());
            return;
        }
        tx.dropReleasesDue(item.id(), now);
        next.ifPresent(at -> tx.bookRelease(item.id(), at));
    }
}

package ponte.core.ingest;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ponte.core.PonteException;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.items.Event;
import ponte.core.items.Item;
import ponte.core.items.Items;
import ponte.core.publishing.Publishing;
import ponte.core.items.Version;
import ponte.core.orgs.Territories;
import ponte.core.orgs.OrgId;
import ponte.core.products.ProductId;

/**
 * Files a polled source's entries as items of its org, through {@link Publishing} like any editor's work (an
 * uploaded document is a {@link BackfillRun}'s, by the same rules). The entry's uri is the
 * item's: a new uri publishes, a known one whose document changed becomes a new version (a correction if the source
 * said so), an unchanged one does nothing, and a canceled one kills the item. Each entry stands alone: one that fails
 * is reported with why, and the rest go on.
 */
public final class Importing {
    private final Publishing publishing;
    private final Items items;

    public Importing(Publishing publishing, Items items) {
        this.publishing = publishing;
        this.items = items;
    }

    /**
     * Imports what a source shows now and keeps it in step: an entry it showed before and no longer does is killed
     * when it was removed, and forgotten when it only aged out. Feeds are windows onto the latest entries, so an entry
     * is taken as removed only if it was updated no earlier than the oldest entry still shown (a tombstone or a
     * "canceled" status says it outright and is always followed).
     */
    public Report sync(Source source, Sources sources, List<Incoming> entries) {
        Report.Tally tally = new Report.Tally();
        Caller editor = new Caller.Member(source.org(), Role.EDITOR); // the node, polling for the org: no key, no client
        Map<String, Optional<Instant>> before = sources.seen(source.id());
        Map<String, Optional<Instant>> now = new LinkedHashMap<>();
        for (Incoming entry : entries) {
            try {
                one(editor, source.org(), source.products(), entry, tally);
                if (entry instanceof Incoming.Usable) {
                    now.put(entry.uri(), entry.updated());
                }
            } catch (PonteException refused) {
                tally.failed(entry.uri(), refused.getMessage());
                if (before.containsKey(entry.uri())) {
                    now.put(entry.uri(), before.get(entry.uri())); // still shown: not removed
                }
            }
        }
        Set<String> shown = new HashSet<>();
        entries.forEach(e -> shown.add(e.uri()));
        Optional<Instant> oldestShown = entries.stream().filter(e -> !(e instanceof Incoming.Malformed))
                .map(Incoming::updated).flatMap(Optional::stream).min(Instant::compareTo);
        boolean readable = entries.stream().anyMatch(e -> !(e instanceof Incoming.Malformed));
        for (Map.Entry<String, Optional<Instant>> old : before.entrySet()) {
            if (shown.contains(old.getKey()) || !readable) {
                continue; // an empty or unreadable document says nothing about what was removed
            }
            boolean removed = old.getValue().isPresent() && oldestShown.isPresent() && !old.getValue().get().isBefore(oldestShown.get());
            if (removed) {
                try {
                    one(editor, source.org(), source.products(), new Incoming.Canceled(old.getKey(), "removed from the source", old.getValue()), tally);
                } catch (PonteException refused) {
                    tally.failed(old.getKey(), refused.getMessage());
                }
            }
        }
        sources.saveSeen(source.id(), now);
        return tally.report();
    }

    private void one(Caller editor, OrgId org, Set<ProductId> products, Incoming entry, Report.Tally tally) {
        switch (entry) {
            case Incoming.Malformed m -> tally.failed(m.uri(), m.detail());
            case Incoming.Canceled c -> cancel(editor, org, c, tally);
            case Incoming.Usable u -> file(editor, org, products, u, tally);
        }
    }

    private void file(Caller editor, OrgId org, Set<ProductId> products, Incoming.Usable entry, Report.Tally tally) {
        Optional<Item> existing = items.byUri(entry.uri());
        if (existing.isEmpty()) {
            tally.appended.add(publishing.publish(editor, Optional.of(entry.uri()), entry.content(), products, Territories.WORLDWIDE));
            tally.published++;
            return;
        }
        Item item = existing.get();
        refusal(item, org).ifPresent(r -> {
            throw new ponte.core.Conflict(r);
        });
        Version latest = items.version(item.id(), item.latestVersion()).orElseThrow();
        if (latest.content().ninjs().equals(entry.content().ninjs()) && latest.products().equals(Set.copyOf(products))) {
            tally.unchanged++;
            return;
        }
        if (entry.correction()) {
            tally.appended.add(publishing.revise(editor, item.id(), entry.content(), Event.CORRECTED));
        } else {
            tally.appended.add(publishing.publish(editor, Optional.of(entry.uri()), entry.content(), products, Territories.WORLDWIDE));
        }
        tally.updated++;
    }

    private void cancel(Caller editor, OrgId org, Incoming.Canceled entry, Report.Tally tally) {
        Optional<Item> existing = items.byUri(entry.uri());
        if (existing.isEmpty() || ownedBy(existing.get(), org).killed()) {
            tally.unchanged++; // never filed, or already killed: nothing to withdraw
            return;
        }
        tally.appended.add(publishing.kill(editor, existing.get().id(), "Withdrawn at the source: " + entry.reason()));
        tally.killed++;
    }

    /** Why an entry of the org may not change this item, if it may not: it is another org's, or it was killed. */
    static Optional<String> refusal(Item item, OrgId org) {
        if (!item.ownedBy(org)) {
            return Optional.of("uri " + item.uri() + " is already used by another organisation's item");
        }
        return item.killed() ? Optional.of("item " + item.uri() + " was killed and cannot change") : Optional.empty();
    }

    private static Item ownedBy(Item item, OrgId org) {
        if (!item.ownedBy(org)) {
            throw new ponte.core.Conflict("uri " + item.uri() + " is already used by another organisation's item");
        }
        return item;
    }
}

package ponte.core.coproduction;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import ponte.core.Conflict;
import ponte.core.Ids;
import ponte.core.Invalid;
import ponte.core.NotFound;
import ponte.core.access.Caller;
import ponte.core.access.KeyId;
import ponte.core.access.Role;
import ponte.core.audit.Action;
import ponte.core.audit.Actor;
import ponte.core.audit.Audit;
import ponte.core.items.Change;
import ponte.core.items.Content;
import ponte.core.items.Event;
import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.items.Items;
import ponte.core.items.VersionMade;
import ponte.core.log.Appended;
import ponte.core.log.ContentLog;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Territories;
import ponte.core.products.Product;
import ponte.core.products.ProductId;
import ponte.core.products.Products;
import ponte.core.publishing.Desk;

/**
 * The two-key release of co-produced items. A party's editor makes a draft, held outside the content log and readable
 * by the parties only; an editor of every party approves that exact draft ({@code version} names it: a newer draft
 * makes the approval stale, 409); the last approval appends the draft to the log as an ordinary published, updated or
 * corrected entry, so feeds, pushes, search and the gate need no notion of "unreleased". A new draft starts its own
 * approvals. Any party kills a released item at once (through the log, to every recipient) or withdraws one never
 * released.
 *
 * <p>Methods are synchronized: two parties approving at once must not both miss being the last one.
 */
public final class Cosigning {
    /** What an approval did: the draft as approved, and the entry it made when it was the last one. */
    public record Approval(Draft draft, Optional<Appended> released) {}

    private final Drafts drafts;
    private final Coproducing projects;
    private final Items items;
    private final Products products;
    private final ContentLog log;
    private final Audit audit;
    private final Clock clock;
    private final Ids ids;

    public Cosigning(Drafts drafts, Coproducing projects, Items items, Products products, ContentLog log, Audit audit, Clock clock, Ids ids) {
        this.drafts = drafts;
        this.projects = projects;
        this.items = items;
        this.products = products;
        this.log = log;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
    }

    /** The parties an item of this project credits, lead first as the plan lists them (the project must be active). */
    public List<Party> credits(Caller caller, String project) {
        return projects.active(caller, project, "/coproduction").plan().parties();
    }

    /** The parties a co-produced item credits, as its project's plan lists them now. */
    public List<Party> creditsOf(Caller caller, ItemId id) {
        return visible(caller, id).project().map(p -> projects.read(caller, p).plan().parties()).orElse(List.of());
    }

    /** Whether the item is co-produced: its changes are drafts, not entries. */
    public boolean coproduced(ItemId id) {
        return drafts.item(id).isPresent();
    }

    /**
     * A new co-produced item of an active project the caller's org is party to, owned by every party, filed under any
     * party's products; its first draft awaits every party's approval.
     */
    public synchronized Draft create(Caller caller, String project, Optional<String> uri, Content content, Set<ProductId> productIds,
                                     Territories rights, Optional<ItemId> translationOf) {
        OrgId by = caller.actingFor(Role.EDITOR);
        Coproduction coproduction = projects.active(caller, project, "/coproduction");
        requirePartiesProducts(coproduction.plan().orgs(), productIds);
        ItemId id = new ItemId(ids.nextInOrder());
        String chosen = uri.orElse(Desk.URI_PREFIX + id.value());
        if (uri.isPresent() && (items.byUri(chosen).isPresent() || drafts.itemWithUri(chosen).isPresent())) {
            throw new Conflict("uri " + chosen + " is already used by another item");
        }
        CoItem item = new CoItem(id, Optional.of(coproduction.id()), chosen, coproduction.plan().orgs(), clock.instant(), Optional.empty());
        Draft first = new Draft(id, 1, content, productIds, rights, Event.PUBLISHED, translationOf, by, key(caller), clock.instant(), Optional.empty());
        audit.change(caller, Action.ITEM_DRAFT, () -> drafts.create(item, first),
                new Audit.Note(id.value(), "drafted version 1 of a co-production of " + coproduction.id() + ", awaiting every party", item.owners()));
        return first;
    }

    /** A new draft of a co-produced item; approvals of earlier drafts do not carry over. */
    public synchronized Draft revise(Caller caller, ItemId id, Content content, Event signal) {
        CoItem item = visible(caller, id);
        OrgId by = caller.actingFor(Role.EDITOR);
        requireChangeable(item);
        Draft latest = latest(id);
        Event next = released(id).isPresent() ? signal : Event.PUBLISHED;
        Draft draft = new Draft(id, latest.number() + 1, content, latest.products(), latest.rights(), next, latest.translationOf(), by,
                key(caller), clock.instant(), Optional.empty());
        audit.change(caller, Action.ITEM_DRAFT, () -> drafts.add(draft),
                new Audit.Note(id.value(), "drafted version " + draft.number() + " (" + next.wire() + "), awaiting every party", item.owners()));
        return draft;
    }

    /**
     * The caller's org's editor approves draft {@code version}, which must be the latest; when every party has approved
     * it, it is released onto the content log in the caller's name.
     */
    public synchronized Approval approve(Caller caller, ItemId id, int version, Optional<String> comment) {
        CoItem item = visible(caller, id);
        OrgId party = caller.actingFor(Role.EDITOR);
        Draft draft = current(id, version);
        if (draft.releasedAs().isPresent()) {
            return new Approval(draft, Optional.empty()); // released already: a retry changes nothing
        }
        requireChangeable(item);
        List<Signoff> signoffs = signoffsOf(id, version);
        signoffs.stream().filter(s -> !s.approved()).findFirst().ifPresent(s -> {
            throw new Conflict("version " + version + " was rejected by " + s.org() + "; make a new draft");
        });
        Set<OrgId> approvedBy = signoffs.stream().map(Signoff::org).collect(Collectors.toCollection(HashSet::new));
        boolean last = approvedBy.contains(party) ? approvedBy.containsAll(item.owners()) : addedLast(caller, item, party, approvedBy, version, comment);
        if (!last) {
            return new Approval(draft, Optional.empty());
        }
        // Released after the approval committed: should the append fail, approving again retries the release. The
        // entry marks the draft released in its own transaction, and a draft released already refuses it: whoever
        // tries the release again (a retry, or another node's editor approving at the same moment) publishes nothing.
        Appended appended;
        try {
            appended = log.append(release(item, draft, party, caller, approvedBy), Actor.of(caller));
        } catch (Conflict refused) {
            Draft now = current(id, version);
            if (now.releasedAs().isPresent()) {
                return new Approval(now, Optional.empty());
            }
            throw refused;
        }
        return new Approval(current(id, version), Optional.of(appended));
    }

    /** Records the party's approval; whether it was the last one needed. */
    private boolean addedLast(Caller caller, CoItem item, OrgId party, Set<OrgId> approvedBy, int version, Optional<String> comment) {
        approvedBy.add(party);
        boolean last = approvedBy.containsAll(item.owners());
        Signoff signoff = new Signoff(item.id(), version, party, true, comment, key(caller), clock.instant());
        audit.change(caller, Action.ITEM_APPROVE, () -> drafts.signOff(signoff),
                new Audit.Note(item.id().value(), party + " approved version " + version + (last ? "; every party approved" : ""), item.owners()));
        return last;
    }

    /** The caller's org's editor rejects draft {@code version}, saying why; it will not be released. */
    public synchronized Draft reject(Caller caller, ItemId id, int version, String comment) {
        CoItem item = visible(caller, id);
        OrgId party = caller.actingFor(Role.EDITOR);
        Draft draft = current(id, version);
        if (draft.releasedAs().isPresent()) {
            throw new Conflict("version " + version + " was released already; a new draft changes it");
        }
        if (signoffsOf(id, version).stream().anyMatch(s -> s.org().equals(party))) {
            throw new Conflict(party + " has already signed off version " + version);
        }
        Signoff signoff = new Signoff(id, version, party, false, Optional.of(comment), key(caller), clock.instant());
        audit.change(caller, Action.ITEM_REJECT, () -> drafts.signOff(signoff),
                new Audit.Note(id.value(), party + " rejected version " + version + ": " + comment, item.owners()));
        return draft;
    }

    /** Withdraws a co-produced item none of whose drafts was released (a released one is killed through the log). */
    public synchronized void withdraw(Caller caller, ItemId id, String reason) {
        CoItem item = visible(caller, id);
        OrgId party = caller.actingFor(Role.EDITOR);
        requireChangeable(item);
        audit.change(caller, Action.ITEM_KILL, () -> drafts.withdraw(id, party, reason, clock.instant()),
                new Audit.Note(id.value(), party + " withdrew the co-produced item before release: " + reason, item.owners()));
    }

    /** The parties whose editors have not yet approved the draft, sorted; none once it is released. */
    public Set<OrgId> awaiting(Draft draft) {
        if (draft.releasedAs().isPresent()) {
            return Set.of();
        }
        Set<OrgId> approved = signoffsOf(draft.item(), draft.number()).stream().filter(Signoff::approved).map(Signoff::org).collect(Collectors.toSet());
        return drafts.item(draft.item()).orElseThrow().owners().stream().filter(o -> !approved.contains(o))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /**
     * Holds a machine translation of {@code source} (a version of an item the caller's org owns) as the first draft of
     * a new item owned by the source's owners, a language version of it: it is released only when an editor of every
     * owner has approved it, as any co-produced draft.
     */
    public synchronized Draft hold(Caller caller, Item source, ponte.core.items.Version of, Content translated) {
        OrgId by = caller.actingFor(Role.EDITOR);
        ItemId id = new ItemId(ids.nextInOrder());
        Optional<String> project = drafts.item(source.id()).flatMap(CoItem::project);
        CoItem item = new CoItem(id, project, Desk.URI_PREFIX + id.value(), source.owners(), clock.instant(), Optional.empty());
        Draft first = new Draft(id, 1, translated, of.products(), of.rights(), Event.PUBLISHED, Optional.of(source.id()), by, key(caller),
                clock.instant(), Optional.empty());
        audit.change(caller, Action.ITEM_DRAFT, () -> drafts.create(item, first), new Audit.Note(id.value(),
                "machine translation of " + source.id() + " into " + translated.language().orElse("?") + ", held until an editor of every owner approves it",
                item.owners()));
        return first;
    }

    /** Whether the item has a version on the content log. */
    public Optional<Item> released(ItemId id) {
        return items.byId(id);
    }

    /** Drafts, sign-offs and releases of a co-produced item, in the order they happened, to its parties' keys only. */
    public List<Step> history(Caller caller, ItemId id) {
        CoItem item = visible(caller, id);
        List<Step> steps = new ArrayList<>();
        List<Signoff> signoffs = drafts.signoffs(id);
        Set<Integer> fromDrafts = new HashSet<>();
        List<VersionMade> made = released(id).map(i -> items.history(id, 0, Integer.MAX_VALUE)).orElse(List.of());
        for (Draft d : drafts.drafts(id)) {
            steps.add(new Step("drafted", Optional.of(d.number()), Optional.empty(), Optional.of(d.by()), Optional.empty(), d.key(),
                    d.createdAt(), Optional.of(d)));
            for (Signoff s : signoffs) {
                if (s.draft() == d.number()) {
                    steps.add(new Step(s.approved() ? "approved" : "rejected", Optional.of(d.number()), Optional.empty(), Optional.of(s.org()),
                            s.comment(), s.key(), s.at(), Optional.empty()));
                }
            }
            d.releasedAs().ifPresent(v -> {
                fromDrafts.add(v);
                made.stream().filter(m -> m.number() == v).findFirst().ifPresent(m -> steps.add(logStep(m, Optional.of(d.number()))));
            });
        }
        made.stream().filter(m -> !fromDrafts.contains(m.number())).forEach(m -> steps.add(logStep(m, Optional.empty())));
        item.withdrawn().ifPresent(w -> steps.add(new Step("withdrawn", Optional.empty(), Optional.empty(), Optional.of(w.by()),
                Optional.of(w.reason()), Optional.empty(), w.at(), Optional.empty())));
        List<Step> ordered = new ArrayList<>(steps);
        ordered.sort(Comparator.comparing(Step::at)); // stable: steps of one instant keep the order they happened in
        return ordered;
    }

    private static Step logStep(VersionMade m, Optional<Integer> draft) {
        return new Step(m.event().wire(), draft, Optional.of(m.number()), Optional.empty(), m.reason(), m.key(), m.createdAt(), Optional.empty());
    }

    private Change release(CoItem item, Draft draft, OrgId by, Caller caller, Set<OrgId> approvedBy) {
        if (released(item.id()).isEmpty()) {
            if (items.byUri(item.uri()).isPresent()) {
                throw new Conflict("uri " + item.uri() + " was taken by another item meanwhile");
            }
            return new Change.Publish(by, item.id(), Optional.of(item.uri()), draft.content(), draft.products(), draft.rights(),
                    draft.translationOf(), key(caller), approvedBy, Optional.of(draft.number()));
        }
        Event signal = draft.signal() == Event.PUBLISHED ? Event.UPDATED : draft.signal();
        return new Change.Revise(by, item.id(), draft.content(), signal, key(caller), approvedBy, Optional.of(draft.number()));
    }

    private void requirePartiesProducts(Set<OrgId> parties, Set<ProductId> productIds) {
        if (productIds.isEmpty()) {
            throw new Invalid("/products", "at least one product is required");
        }
        List<Product> found = products.byIds(productIds);
        for (ProductId id : productIds) {
            if (found.stream().noneMatch(p -> p.id().equals(id) && parties.contains(p.owner()))) {
                throw new Invalid("/products", "unknown product '" + id + "' (products must be a party's own)");
            }
        }
    }

    private void requireChangeable(CoItem item) {
        if (item.withdrawn().isPresent()) {
            throw new Conflict("item " + item.id() + " was withdrawn by " + item.withdrawn().get().by() + " and cannot change");
        }
        if (released(item.id()).map(Item::killed).orElse(false)) {
            throw new Conflict("item " + item.id() + " was killed and cannot change");
        }
    }

    private Draft latest(ItemId id) {
        return drafts.drafts(id).getLast();
    }

    /** Draft {@code version}, if it is the latest: approving or rejecting an older one is a conflict. */
    private Draft current(ItemId id, int version) {
        Draft latest = latest(id);
        if (latest.number() != version) {
            throw new Conflict("version " + version + " is not the current draft (" + latest.number() + "); read it and sign off again");
        }
        return latest;
    }

    private List<Signoff> signoffsOf(ItemId id, int version) {
        return drafts.signoffs(id).stream().filter(s -> s.draft() == version).toList();
    }

    private CoItem visible(Caller caller, ItemId id) {
        return drafts.item(id).filter(i -> caller.belongsToAny(i.owners())).orElseThrow(() -> new NotFound("no such item"));
    }

    private static Optional<KeyId> key(Caller caller) {
        return caller instanceof Caller.Member m ? m.key() : Optional.empty();
    }
}

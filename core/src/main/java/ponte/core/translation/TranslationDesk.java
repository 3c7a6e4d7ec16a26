package ponte.core.translation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ponte.core.Conflict;
import ponte.core.Ids;
import ponte.core.Invalid;
import ponte.core.NotFound;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.audit.Action;
import ponte.core.audit.Audit;
import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.items.Items;
import ponte.core.orgs.OrgId;

/**
 * The desk's translation tasks: an owner's editor asks for a language version of an item from one of its owners (for
 * a co-produced item, any party), with a due time; the assignee or the asker marks it done. Only the item's owners
 * see its tasks.
 */
public final class TranslationDesk {
    private final TranslationTasks tasks;
    private final Items items;
    private final Audit audit;
    private final Clock clock;
    private final Ids ids;

    public TranslationDesk(TranslationTasks tasks, Items items, Audit audit, Clock clock, Ids ids) {
        this.tasks = tasks;
        this.items = items;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
    }

    public TranslationTask assign(Caller caller, ItemId itemId, String language, OrgId assignee, Optional<Instant> due) {
        Item item = items.byId(itemId).filter(i -> caller.belongsToAny(i.owners()))
                .orElseThrow(() -> new Invalid("/item", "item must be the id of an item of your organisation"));
        OrgId by = caller.actingFor(Role.EDITOR);
        if (!item.ownedBy(assignee)) {
            throw new Invalid("/assignee", "the assignee must own the item (for a co-production: one of its parties)");
        }
        if (item.killed()) {
            throw new Conflict("item " + itemId + " was killed and is not translated");
        }
        TranslationTask task = new TranslationTask("tt_" + ids.next(), itemId, language, assignee, due, false, by, clock.instant(), Optional.empty());
        audit.change(caller, Action.TRANSLATION_TASK_ASSIGN, () -> tasks.create(task), new Audit.Note(task.id(),
                "asked " + assignee + " for a " + language + " version of " + itemId + due.map(d -> " by " + d).orElse(""), item.owners()));
        return task;
    }

    public TranslationTask done(Caller caller, String id) {
        TranslationTask task = visible(caller, id);
        caller.actingFor(Role.EDITOR);
        if (task.done()) {
            return task; // done already: a retry changes nothing
        }
        audit.change(caller, Action.TRANSLATION_TASK_DONE, () -> tasks.done(id, clock.instant()),
                new Audit.Note(id, "the " + task.language() + " version of " + task.item() + " is done", owners(task)));
        return tasks.byId(id).orElseThrow();
    }

    public TranslationTask read(Caller caller, String id) {
        return visible(caller, id);
    }

    /** The tasks on the caller's org's items, oldest first; {@code open} only those not done. */
    public List<TranslationTask> desk(Caller caller, boolean open) {
        return tasks.concerning(caller.actingFor(Role.PARTNER)).stream().filter(t -> !open || !t.done()).toList();
    }

    private java.util.Set<OrgId> owners(TranslationTask task) {
        return items.byId(task.item()).map(Item::owners).orElse(java.util.Set.of()); // a task's item always exists
    }

    private TranslationTask visible(Caller caller, String id) {
        return tasks.byId(id).filter(t -> caller.belongsToAny(owners(t))).orElseThrow(() -> new NotFound("no translation task " + id));
    }
}

package ponte.core.ingest;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import ponte.core.Conflict;
import ponte.core.Invalid;
import ponte.core.NotFound;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.audit.Audit;
import ponte.core.items.Items;
import ponte.core.orgs.OrgId;
import ponte.core.products.ProductId;
import ponte.core.publishing.Publishing;

/**
 * An editor importing a large file of items as a stream (a backfill): entries arrive line by line and are published
 * many at a time, and the import, named by the client, can be run again after an interruption, skipping what is done.
 * Each item is also idempotent by its uri, so what committed after the last checkpoint is found, not doubled.
 */
public final class Backfilling {
    private final Backfills backfills;
    private final Publishing publishing;
    private final Items items;
    private final Audit audit;
    private final Clock clock;
    /** Imports running on this node, by org and id: one run at a time, or two would race for the same lines. */
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    public Backfilling(Backfills backfills, Publishing publishing, Items items, Audit audit, Clock clock) {
        this.backfills = backfills;
        this.publishing = publishing;
        this.items = items;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Starts the import {@code id} of the caller's org, or runs it again from its checkpoint; the products must be
     * those it started with. {@code from} is the number of the first line the client sends: never past the checkpoint's
     * next line, or the lines between would be lost. The run must be closed.
     */
    public BackfillRun open(Caller caller, String id, Set<ProductId> products, long from) {
        Backfill.checkedId(id);
        Publishing.Batch batch = publishing.batch(caller, products);
        OrgId org = batch.org();
        Backfill state = backfills.byId(org, id).map(existing -> {
            if (!existing.products().equals(batch.products())) {
                throw new Conflict("import " + id + " was started into products " + names(existing.products())
                        + ": run it again with the same products, or give the new import another id");
            }
            return existing.again(clock.instant());
        }).orElseGet(() -> new Backfill(id, org, batch.products(), 0, Backfill.Counts.NONE, 1, clock.instant(), clock.instant()));
        if (from < 1 || from > state.line() + 1) {
            throw new Invalid("/from", "import " + id + " has come to line " + state.line() + ": send its lines from "
                    + (state.line() + 1) + " or earlier");
        }
        String key = org.value() + "/" + id;
        if (!running.add(key)) {
            throw new Conflict("import " + id + " is running now: wait for it to end, then run it again to resume");
        }
        try {
            backfills.save(state);
        } catch (RuntimeException e) {
            running.remove(key);
            throw e;
        }
        return new BackfillRun(state, batch, items, new BackfillRun.Keeping(backfills::save, false, Backfilling::imported), audit, caller, clock,
                () -> running.remove(key));
    }

    /**
     * A run for one uploaded document ({@code POST /v1/ingest/files}): its entries, numbered as lines, are filed as a
     * backfill's are, and its receipts kept for the answer. It has no id and no checkpoint: posted again, every entry
     * is found by its uri, and what was filed already is unchanged. The run must be closed.
     */
    public BackfillRun upload(Caller caller, Set<ProductId> products) {
        Publishing.Batch batch = publishing.batch(caller, products);
        Backfill document = new Backfill("upload", batch.org(), batch.products(), 0, Backfill.Counts.NONE, 1, clock.instant(), clock.instant());
        return new BackfillRun(document, batch, items, new BackfillRun.Keeping(kept -> { }, true, Backfilling::uploaded), audit, caller, clock, () -> { });
    }

    private static String imported(Backfill run, boolean complete, long line, Backfill.Counts total) {
        return "import " + run.id() + " (run " + run.runs() + ") " + (complete ? "done" : "stopped") + " at line " + line + ": " + counts(total);
    }

    private static String uploaded(Backfill run, boolean complete, long line, Backfill.Counts total) {
        return "imported a document of " + line + " entries" + (complete ? "" : " (stopped there)") + ": " + counts(total);
    }

    private static String counts(Backfill.Counts c) {
        return c.published() + " published, " + c.updated() + " updated, " + c.killed() + " killed, " + c.unchanged() + " unchanged, "
                + c.failed() + " failed";
    }

    /** The import as far as it has come; another org's is as missing as one never started. */
    public Backfill get(Caller caller, String id) {
        OrgId org = caller.actingFor(Role.EDITOR);
        return backfills.byId(org, Backfill.checkedId(id)).orElseThrow(() -> new NotFound("no such import"));
    }

    private static String names(Set<ProductId> products) {
        return String.join(",", products.stream().map(ProductId::value).sorted().toList());
    }
}

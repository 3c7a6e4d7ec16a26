package ponte.core.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Supplier;
import ponte.core.Invalid;
import ponte.core.PonteException;
import ponte.core.access.Caller;
import ponte.core.audit.Action;
import ponte.core.audit.Audit;
import ponte.core.items.Item;
import ponte.core.items.Items;
import ponte.core.items.Version;
import ponte.core.log.Appended;
import ponte.core.publishing.Publishing;

/**
 * One run of a {@link Backfill}, or of one uploaded document (its entries numbered as lines): lines are offered in
 * file order; entries are looked up by uri a chunk at a time and queued to the log without waiting, at most {@link #IN_FLIGHT} at once, so the log's writer always has full groups to
 * commit. The checkpoint is the longest prefix of lines whose outcome is known, saved about every second and at the
 * end. Used by one thread (the request's); the log's writer only completes futures.
 */
public final class BackfillRun implements AutoCloseable {
    /** Entries looked up by uri in one query. */
    static final int CHUNK = 256;
    /** Changes queued to the log at most: eight of the writer's groups of 256, so it always has a full one waiting. */
    static final int IN_FLIGHT = 2048;
    /** An earlier line of this run older than this has committed (at most IN_FLIGHT wait): the store knows its uri. */
    private static final int REMEMBERED = IN_FLIGHT + 2 * CHUNK;
    private static final Duration SAVE_EVERY = Duration.ofSeconds(1);

    /**
     * A line that could not be filed, with the uri or name of its entry ("" for a line not read as one), where in the
     * entry ("" for the whole of it) and why.
     */
    public record Problem(long line, String entry, List<Invalid.Violation> errors) {
        public Problem {
            errors = List.copyOf(errors);
        }
    }

    /**
     * @param line the last line read
     * @param checkpoint every line up to it is done (committed or failed)
     * @param skipped lines at or before the checkpoint the run started from, passed over unread
     * @param counts what this run's done lines came to
     * @param inFlight changes queued to the log, not yet committed
     */
    public record Progress(long line, long checkpoint, long skipped, Backfill.Counts counts, int inFlight) {}

    private enum Kind { PUBLISHED, UPDATED, KILLED, UNCHANGED, FAILED, BLANK, BROKEN }

    /**
     * What is kept of a run besides its items: its checkpoint (a named import's), its receipts (an upload answers
     * them), and the audit trail's summary of how it ended.
     */
    record Keeping(Consumer<Backfill> checkpoints, boolean receipts, Summary summary) {}

    interface Summary {
        String of(Backfill run, boolean complete, long line, Backfill.Counts total);
    }

    private record Outcome(Kind kind, List<Invalid.Violation> errors, Optional<RuntimeException> broken, Optional<Appended> appended) {
        static final Outcome UNCHANGED = new Outcome(Kind.UNCHANGED, List.of(), Optional.empty(), Optional.empty());
        static final Outcome BLANK = new Outcome(Kind.BLANK, List.of(), Optional.empty(), Optional.empty());

        static Outcome failed(String pointer, String detail) {
            return failed(List.of(new Invalid.Violation(pointer, detail)));
        }

        static Outcome failed(List<Invalid.Violation> errors) {
            return new Outcome(Kind.FAILED, errors, Optional.empty(), Optional.empty());
        }
    }

    private record Offered(long line, Optional<Incoming> entry, Optional<Outcome> known) {}

    private record Waiting(long line, String entry, CompletableFuture<Outcome> outcome) {}

    private final Backfill start;
    private final Publishing.Batch batch;
    private final Items items;
    private final Keeping keeping;
    private final Audit audit;
    private final Caller caller;
    private final Clock clock;
    private final Runnable ended;
    private final Semaphore room = new Semaphore(IN_FLIGHT);
    private final List<Offered> chunk = new ArrayList<>(CHUNK);
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    /** The uris of this run's latest lines, with the hash of the ninjs each was filed with. */
    private final Map<String, Integer> filed = new LinkedHashMap<>(REMEMBERED * 2) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > REMEMBERED;
        }
    };
    private final List<Problem> problems = new ArrayList<>();
    private final List<Appended> receipts = new ArrayList<>();
    private Backfill saved;
    private Backfill.Counts counts = Backfill.Counts.NONE;
    private Backfill.Counts unsaved = Backfill.Counts.NONE;
    private long last;
    private long done;
    private long skipped;
    private Instant savedAt;
    private Optional<RuntimeException> broken = Optional.empty();
    private boolean finished;

    BackfillRun(Backfill start, Publishing.Batch batch, Items items, Keeping keeping, Audit audit, Caller caller, Clock clock, Runnable ended) {
        this.start = start;
        this.saved = start;
        this.batch = batch;
        this.items = items;
        this.keeping = keeping;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
        this.ended = ended;
        this.last = 0;
        this.done = start.line();
        this.savedAt = clock.instant();
    }

    public Backfill backfill() {
        return start;
    }

    /** Lines up to this one were done by earlier runs: pass them to {@link #skip}, unread. */
    public long checkpoint() {
        return start.line();
    }

    public void skip(long line) {
        if (line > start.line()) {
            throw new IllegalArgumentException("line " + line + " is after the checkpoint " + start.line() + ": offer it");
        }
        last = Math.max(last, line);
        skipped++;
    }

    /** A line with nothing on it: done as soon as the lines before it are, and counted as nothing. */
    public void blank(long line) {
        next(new Offered(line, Optional.empty(), Optional.of(Outcome.BLANK)));
    }

    /** The entry read from {@code line}, which comes after every line offered before. */
    public void offer(long line, Incoming entry) {
        next(new Offered(line, Optional.of(entry), Optional.empty()));
    }

    /** A line that could not be read as an entry, with where and why. */
    public void refuse(long line, List<Invalid.Violation> errors) {
        next(new Offered(line, Optional.empty(), Optional.of(Outcome.failed(errors))));
    }

    private void next(Offered offered) {
        if (offered.line() <= Math.max(last, start.line())) {
            throw new IllegalArgumentException("line " + offered.line() + " comes after line " + Math.max(last, start.line()));
        }
        broken.ifPresent(b -> {
            throw b;
        });
        last = offered.line();
        chunk.add(offered);
        if (chunk.size() == CHUNK) {
            flush();
        }
        advance(false);
    }

    /** How far the run has come. */
    public Progress progress() {
        advance(false);
        return new Progress(last, done, skipped, counts, IN_FLIGHT - room.availablePermits());
    }

    /** The lines found failed since the last call, in line order. */
    public List<Problem> problems() {
        List<Problem> out = List.copyOf(problems);
        problems.clear();
        return out;
    }

    /** The log entries of the lines done since the last call, in line order: an upload's receipts (none for an import). */
    public List<Appended> receipts() {
        List<Appended> out = List.copyOf(receipts);
        receipts.clear();
        return out;
    }

    /**
     * Files the lines still waiting, waits for every commit and saves the checkpoint: the whole file was offered. Throws
     * what broke the run (the store failing), after saving how far it came.
     */
    public Progress finish() {
        settle(true);
        return progress();
    }

    /** Ends the run: if it did not finish (the client went away), what was queued still commits and is counted. */
    @Override
    public void close() {
        try {
            if (!finished) {
                settle(false);
            }
        } finally {
            ended.run();
        }
    }

    private void settle(boolean complete) {
        finished = true;
        try {
            flush();
            CompletableFuture.allOf(waiting.stream().map(Waiting::outcome).toArray(CompletableFuture[]::new)).join();
            advance(true);
        } finally {
            Backfill.Counts total = saved.counts();
            audit.record(caller, Action.INGEST_FILE, new Audit.Note(batch.org().value(),
                    keeping.summary().of(start, complete && broken.isEmpty(), done, total), Set.of(batch.org())));
        }
        broken.ifPresent(b -> {
            throw b;
        });
    }

    private void flush() {
        if (chunk.isEmpty()) {
            return;
        }
        List<String> uris = chunk.stream().flatMap(o -> o.entry().stream()).filter(e -> !(e instanceof Incoming.Malformed))
                .map(Incoming::uri).filter(u -> !filed.containsKey(u)).toList();
        Map<String, Item> existing = uris.isEmpty() ? Map.of() : items.byUris(uris);
        for (Offered o : chunk) {
            waiting.add(new Waiting(o.line(), o.entry().map(Incoming::uri).orElse(""),
                    o.known().map(CompletableFuture::completedFuture).orElseGet(() -> decide(o.entry().orElseThrow(), existing))));
        }
        chunk.clear();
    }

    private CompletableFuture<Outcome> decide(Incoming entry, Map<String, Item> existing) {
        return switch (entry) {
            case Incoming.Malformed m -> CompletableFuture.completedFuture(Outcome.failed("", m.detail()));
            case Incoming.Canceled c -> cancel(c);
            case Incoming.Usable u -> file(u, existing);
        };
    }

    private CompletableFuture<Outcome> file(Incoming.Usable entry, Map<String, Item> existing) {
        int hash = entry.content().ninjs().hashCode();
        Integer before = filed.get(entry.uri());
        if (before != null) { // an earlier line of this run, perhaps not yet committed: the log orders the two
            if (before == hash) {
                return CompletableFuture.completedFuture(Outcome.UNCHANGED);
            }
            if (entry.correction()) {
                return correctOnceCommitted(entry, hash);
            }
        } else if (existing.containsKey(entry.uri())) {
            Item item = existing.get(entry.uri());
            Optional<String> refusal = Importing.refusal(item, batch.org());
            if (refusal.isPresent()) {
                return CompletableFuture.completedFuture(Outcome.failed("/uri", refusal.get()));
            }
            Version latest = items.version(item.id(), item.latestVersion()).orElseThrow();
            if (latest.content().ninjs().equals(entry.content().ninjs()) && latest.products().equals(batch.products())) {
                filed.put(entry.uri(), hash);
                return CompletableFuture.completedFuture(Outcome.UNCHANGED);
            }
            if (entry.correction()) {
                filed.put(entry.uri(), hash);
                return submit(() -> batch.correct(item.id(), entry.content()));
            }
        }
        filed.put(entry.uri(), hash);
        return submit(() -> batch.publish(entry.uri(), entry.content()));
    }

    /**
     * A correction of an item an earlier line of this run filed: a correction revises the item, so its id is needed,
     * and it is known once the earlier lines have committed (rare, as a kill is).
     */
    private CompletableFuture<Outcome> correctOnceCommitted(Incoming.Usable entry, int hash) {
        CompletableFuture.allOf(waiting.stream().map(Waiting::outcome).toArray(CompletableFuture[]::new)).join();
        Optional<Item> item = items.byUri(entry.uri());
        Optional<String> refusal = item.flatMap(i -> Importing.refusal(i, batch.org()));
        if (refusal.isPresent()) {
            return CompletableFuture.completedFuture(Outcome.failed("/uri", refusal.get()));
        }
        filed.put(entry.uri(), hash);
        return item.isEmpty() ? submit(() -> batch.publish(entry.uri(), entry.content())) : submit(() -> batch.correct(item.get().id(), entry.content()));
    }

    /** Rare in a backfill: every earlier line is committed first, so the item is found however recently it was filed. */
    private CompletableFuture<Outcome> cancel(Incoming.Canceled entry) {
        CompletableFuture.allOf(waiting.stream().map(Waiting::outcome).toArray(CompletableFuture[]::new)).join();
        Optional<Item> item = items.byUri(entry.uri());
        if (item.isEmpty() || item.get().killed() && item.get().ownedBy(batch.org())) {
            return CompletableFuture.completedFuture(Outcome.UNCHANGED); // never filed, or killed already
        }
        Optional<String> refusal = Importing.refusal(item.get(), batch.org());
        if (refusal.isPresent()) {
            return CompletableFuture.completedFuture(Outcome.failed("/uri", refusal.get()));
        }
        filed.remove(entry.uri());
        return submit(() -> batch.kill(item.get().id(), "Withdrawn at the source: " + entry.reason()));
    }

    private CompletableFuture<Outcome> submit(Supplier<CompletableFuture<Appended>> change) {
        room.acquireUninterruptibly();
        CompletableFuture<Appended> queued;
        try {
            queued = change.get();
        } catch (RuntimeException refused) {
            queued = CompletableFuture.failedFuture(refused);
        }
        return queued.handle((appended, error) -> {
            room.release();
            return appended != null ? outcome(appended) : outcome(error);
        });
    }

    private static Outcome outcome(Appended appended) {
        Kind kind = switch (appended.revision().event()) {
            case PUBLISHED -> Kind.PUBLISHED;
            case KILLED -> Kind.KILLED;
            default -> Kind.UPDATED;
        };
        return new Outcome(kind, List.of(), Optional.empty(), Optional.of(appended));
    }

    private static Outcome outcome(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof Invalid invalid) {
            return Outcome.failed(invalid.violations());
        }
        if (cause instanceof PonteException refused) {
            return Outcome.failed("", refused.getMessage());
        }
        RuntimeException failure = cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        return new Outcome(Kind.BROKEN, List.of(), Optional.of(failure), Optional.empty());
    }

    /** Moves the checkpoint over every line whose outcome is known, never past one that broke the run. */
    private void advance(boolean save) {
        while (!waiting.isEmpty() && waiting.peekFirst().outcome().isDone()) {
            Waiting w = waiting.peekFirst();
            Outcome o = w.outcome().join();
            if (o.kind() == Kind.BROKEN) {
                broken = o.broken();
                break;
            }
            waiting.removeFirst();
            Backfill.Counts one = switch (o.kind()) {
                case PUBLISHED -> new Backfill.Counts(1, 0, 0, 0, 0);
                case UPDATED -> new Backfill.Counts(0, 1, 0, 0, 0);
                case KILLED -> new Backfill.Counts(0, 0, 1, 0, 0);
                case UNCHANGED -> new Backfill.Counts(0, 0, 0, 1, 0);
                case BLANK -> Backfill.Counts.NONE;
                default -> new Backfill.Counts(0, 0, 0, 0, 1);
            };
            counts = counts.plus(one);
            unsaved = unsaved.plus(one);
            if (o.kind() == Kind.FAILED) {
                problems.add(new Problem(w.line(), w.entry(), o.errors()));
            }
            if (keeping.receipts()) {
                o.appended().ifPresent(receipts::add);
            }
            done = w.line();
        }
        Instant now = clock.instant();
        if (save || done > saved.line() && !now.isBefore(savedAt.plus(SAVE_EVERY))) {
            saved = saved.reached(done, unsaved, now);
            keeping.checkpoints().accept(saved);
            unsaved = Backfill.Counts.NONE;
            savedAt = now;
        }
    }
}

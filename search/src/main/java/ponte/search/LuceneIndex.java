package ponte.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherLifetimeManager;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import ponte.core.items.ItemId;
import ponte.core.log.Cursor;
import ponte.core.log.IndexEntry;
import ponte.core.log.LogEvent;
import ponte.core.orgs.Orgs;
import ponte.core.search.SearchIndex;

/**
 * The index on disk: one writer (fed by the {@link Indexer}), near-real-time searchers, and the searchers that
 * cursors still read, kept for {@link #VIEW_LIFETIME_SECONDS} so deep paging reads one snapshot. The log position the
 * index has applied is committed with the index itself (commit user data), so the two can never disagree after a crash.
 */
public final class LuceneIndex implements SearchIndex, AutoCloseable {
    static final String CURSOR = "ponte.cursor";
    /** How long a page's cursor keeps reading the same snapshot: ten minutes, as long as people page through results. */
    static final long VIEW_LIFETIME_SECONDS = 600;
    private static final int KEPT_POSITIONS = 10_000;

    private final Directory directory;
    private final Map<String, Analyzer> analyzers;
    private final Analyzer perField;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final SearcherLifetimeManager lifetimes = new SearcherLifetimeManager();
    /** View token (reader version) to the furthest log position its searcher was known to contain when handed out. */
    private final ConcurrentSkipListMap<Long, Long> positions = new ConcurrentSkipListMap<>();
    private final Documents documents;
    private final TextQuery text;
    private final ExecutorService workers;
    private final int threads;
    private volatile long applied;
    private volatile long searchable;

    private LuceneIndex(Path dir, Orgs orgs, int threads) throws IOException {
        this.directory = FSDirectory.open(dir);
        TextAnalysis analysis = new TextAnalysis();
        this.analyzers = analysis.byField();
        this.perField = analysis.perField();
        IndexWriterConfig config = new IndexWriterConfig(perField)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(directory, config);
        this.applied = committedCursor(writer);
        this.searchable = applied;
        this.searchers = new SearcherManager(writer, null);
        this.documents = new Documents(orgs, new Detection());
        this.text = new TextQuery(analyzers);
        this.threads = threads;
        this.workers = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("ponte-index-", 0).daemon().factory());
    }

    /** Opens (or creates) the index in {@code dir}; {@code threads} documents are analysed in parallel. */
    public static LuceneIndex open(Path dir, Orgs orgs, int threads) {
        try {
            return new LuceneIndex(dir, orgs, Math.max(1, threads));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last log entry applied (searchable after the next {@link #refresh()}, durable after the next {@link #commit()}). */
    public Cursor cursor() {
        return new Cursor(applied);
    }

    /**
     * Applies entries in log order. Applying an entry replaces its item's document, so only each item's last entry in
     * the batch matters; those are distinct items, indexed in parallel from one shared queue. An item's first version
     * is added without looking for an older document (there is none, even after a crash: what followed the last
     * commit is not in the index), which spares the writer a delete lookup per new item.
     */
    void apply(List<IndexEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Map<ItemId, IndexEntry> last = new LinkedHashMap<>();
        for (IndexEntry e : entries) {
            if (e.event() != LogEvent.RELEASED) { // a release changes no content: the gate decides visibility at query time
                last.remove(e.item().id());
                last.put(e.item().id(), e);
            }
        }
        List<IndexEntry> work = new ArrayList<>(last.values());
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < Math.min(threads, work.size()); t++) {
            running.add(workers.submit(() -> index(work, next)));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while indexing", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        applied = entries.getLast().cursor().seq();
    }

    private Void index(List<IndexEntry> work, AtomicInteger next) {
        try {
            for (int i = next.getAndIncrement(); i < work.size(); i = next.getAndIncrement()) {
                IndexEntry e = work.get(i);
                if (e.version().number() == 1) {
                    writer.addDocument(documents.of(e));
                } else {
                    writer.updateDocument(new Term(Fields.ID, e.item().id().value()), documents.of(e));
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes everything applied so far searchable. */
    void refresh() {
        long upTo = applied;
        try {
            searchers.maybeRefreshBlocking();
            lifetimes.prune(new SearcherLifetimeManager.PruneByAge(VIEW_LIFETIME_SECONDS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        searchable = upTo;
    }

    /** Tells {@code listener} of every refresh that opened a new searcher, i.e. flushed what was applied since the last. */
    void onRefresh(Runnable listener) {
        searchers.addListener(new ReferenceManager.RefreshListener() {
            @Override
            public void beforeRefresh() {}

            @Override
            public void afterRefresh(boolean didRefresh) {
                if (didRefresh) {
                    listener.run();
                }
            }
        });
    }

    /** Makes everything applied so far durable, with the log position it reached. */
    public void commit() {
        try {
            writer.setLiveCommitData(Map.of(CURSOR, Long.toString(applied)).entrySet());
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public View view(Optional<Long> token) {
        try {
            if (token.isPresent()) {
                IndexSearcher kept = lifetimes.acquire(token.get());
                if (kept != null) {
                    // A token whose position was forgotten reads as position 0: every candidate is then checked against the store.
                    return new LuceneView(kept, token.get(), new Cursor(positions.getOrDefault(token.get(), 0L)), this, () -> releasing(() -> lifetimes.release(kept)));
                }
            }
            long upTo = searchable; // read before acquiring: the searcher then holds at least this much
            IndexSearcher current = searchers.acquire();
            long recorded = lifetimes.record(current);
            // Entries that change no document (releases) leave the searcher as it was, so the same one comes back
            // holding more of the log: its position moves on with it, or Searching would withhold the released items
            // as changed after the view until some other item changes.
            long position = positions.merge(recorded, upTo, Math::max);
            while (positions.size() > KEPT_POSITIONS) {
                positions.pollFirstEntry();
            }
            return new LuceneView(current, recorded, new Cursor(position), this, () -> releasing(() -> searchers.release(current)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Release {
        void run() throws IOException;
    }

    private static void releasing(Release release) {
        try {
            release.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Analyzer analyzer() {
        return perField;
    }

    TextQuery text() {
        return text;
    }

    /** How many documents the index holds (one per item). */
    public int size() {
        return writer.getDocStats().numDocs;
    }

    private static long committedCursor(IndexWriter writer) {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> e : data) {
                if (e.getKey().equals(CURSOR)) {
                    return Long.parseLong(e.getValue());
                }
            }
        }
        return 0;
    }

    @Override
    public void close() {
        workers.shutdown();
        try {
            workers.awaitTermination(30, TimeUnit.SECONDS);
            commit();
            lifetimes.close();
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

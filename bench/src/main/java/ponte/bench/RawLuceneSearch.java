package ponte.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import ponte.search.TextAnalysis;

/**
 * The reference: what a careful developer would write with Lucene alone for the same answer, and nothing of Ponte
 * but its analysis: the same analysers on the same per-language fields, stored with offsets for snippets (taken from
 * {@link TextAnalysis}, so that both sides analyse alike and the comparison measures what Ponte adds around Lucene),
 * facet values and the day as doc values. A query matches every word in some field, takes the best 1,000 hits by
 * score, counts the facets and the histogram over them and marks snippets in the first 20: the answer Ponte gives,
 * without scope, gate or log.
 */
final class RawLuceneSearch implements AutoCloseable {
    /** Each language's headline field, then its body field. */
    private static final List<String> FIELDS = TextAnalysis.fields();
    private static final String[] FACETS = {"language", "type", "subject", "country", "product"};

    record Answer(int hits, int shown) {}

    private final Analyzer perField;
    private final IndexWriter writer;
    private final int threads;
    /** Kept across steps, as Ponte keeps its index threads (and named, so the benchmark can count their CPU). */
    private final ExecutorService pool;
    private DirectoryReader reader;
    private IndexSearcher searcher;

    RawLuceneSearch(Path dir, int threads) throws IOException {
        perField = new TextAnalysis().perField();
        writer = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig(perField).setRAMBufferSizeMB(64));
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("raw-index-", 0).daemon().factory());
    }

    /** Indexes items [from, to) of the corpus on {@code threads} threads (not committed: see {@link #commit()}). */
    void index(SearchCorpus corpus, int from, int to, Instant created, IntConsumer progress) throws Exception {
        AtomicInteger next = new AtomicInteger(from);
        AtomicInteger done = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                    writer.addDocument(document(corpus.item(i), created));
                    progress.accept(done.incrementAndGet());
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
    }

    void commit() throws IOException {
        writer.commit();
    }

    private static Document document(SearchCorpus.Item item, Instant created) {
        Document doc = new Document();
        doc.add(new Field(TextAnalysis.headlineField(item.language()), item.headline(), TextAnalysis.TEXT));
        doc.add(new Field(TextAnalysis.bodyField(item.language()), item.body(), TextAnalysis.TEXT));
        doc.add(new SortedSetDocValuesField("language", new BytesRef(item.language())));
        doc.add(new SortedSetDocValuesField("type", new BytesRef(item.type())));
        doc.add(new SortedSetDocValuesField("subject", new BytesRef(item.subject()[0])));
        doc.add(new SortedSetDocValuesField("country", new BytesRef(SearchNetwork.countryOf(item.language()))));
        doc.add(new SortedSetDocValuesField("product", new BytesRef(SearchNetwork.productOf(item.language()))));
        doc.add(new NumericDocValuesField("created", created.toEpochMilli()));
        return doc;
    }

    void openReader() throws IOException {
        reader = DirectoryReader.open(writer);
        searcher = new IndexSearcher(reader);
    }

    Answer search(String text, int window, int limit) {
        try {
            Query query = query(text);
            TopDocs top = searcher.search(query, window);
            facets(top.scoreDocs);
            ScoreDoc[] shown = Arrays.copyOf(top.scoreDocs, Math.min(limit, top.scoreDocs.length));
            snippets(query, shown);
            return new Answer(top.scoreDocs.length, shown.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query query(String text) {
        QueryBuilder builder = new QueryBuilder(perField);
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String word : text.split("\\s+")) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (int f = 0; f < FIELDS.size(); f += 2) {
                Query h = builder.createBooleanQuery(FIELDS.get(f), word, Occur.MUST);
                Query b = builder.createBooleanQuery(FIELDS.get(f + 1), word, Occur.MUST);
                if (h != null) {
                    any.add(new BoostQuery(h, 2f), Occur.SHOULD);
                }
                if (b != null) {
                    any.add(b, Occur.SHOULD);
                }
            }
            all.add(any.build(), Occur.MUST);
        }
        return all.build();
    }

    private Map<String, Map<String, Integer>> facets(ScoreDoc[] hits) throws IOException {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        Map<LocalDate, Integer> days = new TreeMap<>();
        ScoreDoc[] byDoc = hits.clone();
        Arrays.sort(byDoc, (a, b) -> Integer.compare(a.doc, b.doc));
        List<LeafReaderContext> leaves = reader.leaves();
        int current = -1;
        SortedSetDocValues[] values = new SortedSetDocValues[FACETS.length];
        NumericDocValues created = null;
        LeafReaderContext leaf = null;
        for (ScoreDoc hit : byDoc) {
            int sub = ReaderUtil.subIndex(hit.doc, leaves);
            if (sub != current) {
                current = sub;
                leaf = leaves.get(sub);
                for (int f = 0; f < FACETS.length; f++) {
                    values[f] = leaf.reader().getSortedSetDocValues(FACETS[f]);
                }
                created = leaf.reader().getNumericDocValues("created");
            }
            int doc = hit.doc - leaf.docBase;
            for (int f = 0; f < FACETS.length; f++) {
                if (values[f] != null && values[f].advanceExact(doc)) {
                    for (int i = 0; i < values[f].docValueCount(); i++) {
                        String value = values[f].lookupOrd(values[f].nextOrd()).utf8ToString();
                        counts.computeIfAbsent(FACETS[f], k -> new HashMap<>()).merge(value, 1, Integer::sum);
                    }
                }
            }
            if (created != null && created.advanceExact(doc)) {
                days.merge(LocalDate.ofInstant(Instant.ofEpochMilli(created.longValue()), ZoneOffset.UTC), 1, Integer::sum);
            }
        }
        return counts;
    }

    private void snippets(Query query, ScoreDoc[] shown) throws IOException {
        if (shown.length == 0) {
            return;
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, perField)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true)).build();
        String[] fields = FIELDS.toArray(String[]::new);
        int[] passages = new int[fields.length];
        for (int f = 0; f < fields.length; f++) {
            passages[f] = f % 2 == 0 ? 1 : 2; // one passage of a headline, two of a body
        }
        highlighter.highlightFields(fields, query, Arrays.stream(shown).mapToInt(s -> s.doc).toArray(), passages);
    }

    @Override
    public void close() throws IOException {
        pool.shutdown();
        if (reader != null) {
            reader.close();
        }
        writer.close();
    }
}

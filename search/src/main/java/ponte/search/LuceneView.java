package ponte.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
import ponte.core.items.ItemId;
import ponte.core.log.Cursor;
import ponte.core.search.Candidate;
import ponte.core.search.Order;
import ponte.core.search.Position;
import ponte.core.search.Scope;
import ponte.core.search.SearchIndex;
import ponte.core.search.SearchRequest;
import ponte.core.search.Snippets;

/** One searcher of the index, as the port's view: candidates, language-version sets and snippets. */
final class LuceneView implements SearchIndex.View {
    private static final Sort NEWEST = new Sort(new SortField(Fields.CREATED, SortField.Type.LONG, true), new SortField(Fields.KEY, SortField.Type.LONG, true));
    /** Sets are small (one story in a few languages); this bounds a pathological one. */
    private static final int MAX_SET_MEMBERS = 1000;

    private final IndexSearcher searcher;
    private final long token;
    private final Cursor position;
    private final LuceneIndex index;
    private final Runnable release;
    /** Documents of the candidates this view handed out, for snippets. */
    private final Map<ItemId, Integer> docs = new HashMap<>();

    LuceneView(IndexSearcher searcher, long token, Cursor position, LuceneIndex index, Runnable release) {
        this.searcher = searcher;
        this.token = token;
        this.position = position;
        this.index = index;
        this.release = release;
    }

    @Override
    public long token() {
        return token;
    }

    @Override
    public Cursor position() {
        return position;
    }

    @Override
    public List<Candidate> candidates(SearchRequest request, Scope scope, Optional<Position> after, int max) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        q.add(request.text().isEmpty() ? new MatchAllDocsQuery() : textQuery(request), Occur.MUST);
        q.add(Filters.scope(scope), Occur.FILTER);
        Filters.request(request, q);
        boolean relevance = byRelevance(request);
        int maxDoc = searcher.getIndexReader().maxDoc();
        if (maxDoc == 0) {
            return List.of();
        }
        try {
            TopDocs top;
            if (relevance) {
                // By score, ties by document: Lucene's own top-k collector, which skips what cannot compete (block-max
                // WAND). Document numbers are stable within this view, which a cursor keeps reading.
                top = after.isEmpty()
                        ? searcher.search(q.build(), max)
                        : searcher.searchAfter(new ScoreDoc((int) Math.min(after.get().sort(), maxDoc - 1), after.get().score()), q.build(), max);
            } else {
                top = after.isEmpty()
                        ? searcher.search(q.build(), max, NEWEST, false)
                        : searcher.searchAfter(new FieldDoc(maxDoc - 1, Float.NaN, new Object[] {after.get().sort(), after.get().key()}), q.build(), max, NEWEST, false);
            }
            return read(top.scoreDocs, relevance);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<Candidate> languageSets(Collection<ItemId> sets, Scope scope) {
        List<BytesRef> shared = new ArrayList<>();
        try {
            for (ItemId set : sets) {
                // Most items are alone: no document joined their set (deleted documents may count, which only costs a query).
                BytesRef term = new BytesRef(set.value());
                if (searcher.getIndexReader().docFreq(new org.apache.lucene.index.Term(Fields.SET, term)) > 0) {
                    shared.add(term);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (shared.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder members = new BooleanQuery.Builder();
        members.add(new TermInSetQuery(Fields.SET, shared), Occur.SHOULD);
        members.add(new TermInSetQuery(Fields.ID, shared), Occur.SHOULD);
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        q.add(members.build(), Occur.FILTER);
        q.add(Filters.scope(scope), Occur.FILTER);
        try {
            return read(searcher.search(q.build(), MAX_SET_MEMBERS, NEWEST, false).scoreDocs, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<ItemId, Snippets> snippets(SearchRequest request, List<Candidate> hits) {
        if (request.text().isEmpty() || hits.isEmpty()) {
            return Map.of();
        }
        Query query = textQuery(request);
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, index.analyzer())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
                .withHighlightPhrasesStrictly(false)
                .build();
        List<Candidate> shown = hits.stream().filter(h -> docs.containsKey(h.id())).toList();
        LanguageKey[] keys = LanguageKey.values();
        String[] fields = new String[keys.length * 2];
        int[] passages = new int[fields.length];
        for (int k = 0; k < keys.length; k++) {
            fields[2 * k] = keys[k].headline;
            fields[2 * k + 1] = keys[k].body;
            passages[2 * k] = 1;
            passages[2 * k + 1] = 2;
        }
        Map<ItemId, Snippets> out = new HashMap<>();
        try {
            // One pass over every language's fields: a document has text in its own language's fields only.
            Map<String, String[]> found = highlighter.highlightFields(fields, query, shown.stream().mapToInt(h -> docs.get(h.id())).toArray(), passages);
            for (int i = 0; i < shown.size(); i++) {
                LanguageKey key = LanguageKey.of(shown.get(i).facts().language());
                String headline = found.get(key.headline)[i];
                String body = found.get(key.body)[i];
                out.put(shown.get(i).id(), new Snippets(Optional.ofNullable(headline).filter(h -> h.contains("<mark>")),
                        body == null ? List.of() : List.of(body)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private Query textQuery(SearchRequest request) {
        List<LanguageKey> languages = request.language().map(l -> List.of(LanguageKey.of(l))).orElse(Arrays.asList(LanguageKey.values()));
        return index.text().build(request.text(), languages);
    }

    /** Without words there is no relevance: such a search lists newest first whatever was asked. */
    private static boolean byRelevance(SearchRequest request) {
        return request.order() == Order.RELEVANCE && !request.text().isEmpty();
    }

    /** Decodes the facts of each hit, reading doc values leaf by leaf in document order, and keeps the given order. */
    private List<Candidate> read(ScoreDoc[] hits, boolean relevance) throws IOException {
        Candidate[] out = new Candidate[hits.length];
        Integer[] order = new Integer[hits.length];
        for (int i = 0; i < hits.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> hits[i].doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int leafIndex = -1;
        BinaryDocValues facts = null;
        LeafReaderContext leaf = null;
        for (int i : order) {
            int doc = hits[i].doc;
            int sub = ReaderUtil.subIndex(doc, leaves);
            if (sub != leafIndex) {
                leafIndex = sub;
                leaf = leaves.get(sub);
                facts = leaf.reader().getBinaryDocValues(Fields.FACTS);
            }
            if (facts == null || !facts.advanceExact(doc - leaf.docBase)) {
                throw new IllegalStateException("document " + doc + " has no facts");
            }
            BytesRef b = facts.binaryValue();
            out[i] = Facts.decode(b.bytes, b.offset, b.length, position(hits[i], relevance));
        }
        List<Candidate> list = new ArrayList<>(hits.length);
        for (int i = 0; i < hits.length; i++) {
            docs.put(out[i].id(), hits[i].doc);
            list.add(out[i]);
        }
        return list;
    }

    /**
     * Relevance: the score, then the document number of this view. Newest: first publication, then the item's key
     * (the last document of the reader breaks the remaining tie, so a position itself counts as already seen).
     */
    private static Position position(ScoreDoc hit, boolean relevance) {
        if (relevance) {
            return new Position(hit.score, hit.doc, 0);
        }
        Object[] fields = ((FieldDoc) hit).fields;
        return new Position(0, (Long) fields[0], (Long) fields[1]);
    }

    @Override
    public void close() {
        release.run();
    }
}

package ponte.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
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
    private static final Sort RELEVANCE = new Sort(SortField.FIELD_SCORE, new SortField(Fields.KEY, SortField.Type.LONG));
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
            TopDocs top = after.isEmpty()
                    ? searcher.search(q.build(), max, relevance ? RELEVANCE : NEWEST, true)
                    : searcher.searchAfter(fieldDoc(after.get(), relevance, maxDoc), q.build(), max, relevance ? RELEVANCE : NEWEST, true);
            return read(top.scoreDocs, relevance);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<Candidate> languageSets(Collection<ItemId> sets, Scope scope) {
        if (sets.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        q.add(new TermInSetQuery(Fields.SET, sets.stream().map(s -> new BytesRef(s.value())).toList()), Occur.FILTER);
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
                .withHighlightPhrasesStrictly(true)
                .build();
        Map<LanguageKey, List<Candidate>> byLanguage = new EnumMap<>(LanguageKey.class);
        hits.stream().filter(h -> docs.containsKey(h.id()))
                .forEach(h -> byLanguage.computeIfAbsent(LanguageKey.of(h.facts().language()), k -> new ArrayList<>()).add(h));
        Map<ItemId, Snippets> out = new HashMap<>();
        try {
            for (Map.Entry<LanguageKey, List<Candidate>> group : byLanguage.entrySet()) {
                List<Candidate> members = group.getValue();
                int[] ids = members.stream().mapToInt(h -> docs.get(h.id())).toArray();
                Map<String, String[]> found = highlighter.highlightFields(new String[] {group.getKey().headline, group.getKey().body},
                        query, ids, new int[] {1, 2});
                String[] headlines = found.get(group.getKey().headline);
                String[] bodies = found.get(group.getKey().body);
                for (int i = 0; i < members.size(); i++) {
                    Optional<String> headline = Optional.ofNullable(headlines[i]).filter(h -> h.contains("<mark>"));
                    List<String> body = bodies[i] == null ? List.of() : List.of(bodies[i]);
                    out.put(members.get(i).id(), new Snippets(headline, body));
                }
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

    /** The last document of the reader as the tie-breaker: ties on every sort field are then all "already seen". */
    private static FieldDoc fieldDoc(Position p, boolean relevance, int maxDoc) {
        return relevance
                ? new FieldDoc(maxDoc - 1, p.score(), new Object[] {p.score(), p.key()})
                : new FieldDoc(maxDoc - 1, Float.NaN, new Object[] {p.sort(), p.key()});
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

    private static Position position(ScoreDoc hit, boolean relevance) {
        Object[] fields = ((FieldDoc) hit).fields;
        return relevance
                ? new Position((Float) fields[0], 0, (Long) fields[1])
                : new Position(0, (Long) fields[0], (Long) fields[1]);
    }

    @Override
    public void close() {
        release.run();
    }
}

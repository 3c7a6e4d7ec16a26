package ponte.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import ponte.core.orgs.OrgId;
import ponte.core.products.ProductId;
import ponte.core.search.Scope;
import ponte.core.search.SearchRequest;

/** The request's filters and the caller's scope as Lucene filters (they narrow; they never score). */
final class Filters {
    /** Past this many licences the scope is coarsened per licensor (still only narrowing), to stay far below Lucene's clause limit. */
    static final int MAX_LICENCE_CLAUSES = 256;

    private Filters() {}

    static void request(SearchRequest r, BooleanQuery.Builder q) {
        r.language().ifPresent(l -> q.add(term(Fields.LANGUAGE, l.strip().toLowerCase(Locale.ROOT)), Occur.FILTER));
        r.product().ifPresent(p -> q.add(term(Fields.PRODUCT, p.value()), Occur.FILTER));
        r.subject().ifPresent(s -> q.add(new TermInSetQuery(Fields.SUBJECT, bytes(new java.util.HashSet<>(java.util.List.of(s, s.toLowerCase(Locale.ROOT))))), Occur.FILTER));
        r.country().ifPresent(c -> q.add(term(Fields.COUNTRY, c.value()), Occur.FILTER));
        r.type().ifPresent(t -> q.add(term(Fields.TYPE, t), Occur.FILTER));
        if (r.from().isPresent() || r.to().isPresent()) {
            long from = r.from().map(t -> t.toEpochMilli()).orElse(Long.MIN_VALUE);
            // [from, to): to is exclusive; one millisecond is the index's resolution.
            long to = r.to().map(t -> t.toEpochMilli() - 1).orElse(Long.MAX_VALUE);
            q.add(LongPoint.newRangeQuery(Fields.CREATED, from, to), Occur.FILTER);
        }
    }

    /**
     * Own items for editors, plus, per licence, the licensor's live items in its products and declared languages,
     * other than the finder's own. Time and territory are left to the gate.
     */
    static Query scope(Scope scope) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int clauses = 0;
        if (scope.ownItems()) {
            any.add(term(Fields.OWNER, scope.finder().value()), Occur.SHOULD);
            clauses++;
        }
        List<Query> licensed = licensed(scope.licensed());
        if (!licensed.isEmpty()) {
            BooleanQuery.Builder others = new BooleanQuery.Builder();
            licensed.forEach(l -> others.add(l, Occur.SHOULD));
            others.setMinimumNumberShouldMatch(1);
            others.add(term(Fields.KILLED, "true"), Occur.MUST_NOT);
            others.add(term(Fields.OWNER, scope.finder().value()), Occur.MUST_NOT);
            any.add(others.build(), Occur.SHOULD);
            clauses++;
        }
        return clauses == 0 ? new MatchNoDocsQuery("nothing in scope") : any.build();
    }

    private static List<Query> licensed(List<Scope.Licensed> licences) {
        List<Query> out = new ArrayList<>();
        if (licences.size() <= MAX_LICENCE_CLAUSES) {
            for (Scope.Licensed l : licences) {
                out.add(licence(l.licensor(), l.products(), l.languages()));
            }
            return out;
        }
        Map<OrgId, Set<ProductId>> byLicensor = new LinkedHashMap<>();
        licences.forEach(l -> byLicensor.computeIfAbsent(l.licensor(), k -> new LinkedHashSet<>()).addAll(l.products()));
        if (byLicensor.size() <= MAX_LICENCE_CLAUSES) {
            byLicensor.forEach((licensor, products) -> out.add(licence(licensor, products, Set.of())));
        } else {
            out.add(new TermInSetQuery(Fields.OWNER, bytes(byLicensor.keySet().stream().map(OrgId::value).toList())));
        }
        return out;
    }

    private static Query licence(OrgId licensor, Set<ProductId> products, Set<String> languages) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(term(Fields.OWNER, licensor.value()), Occur.FILTER);
        b.add(new TermInSetQuery(Fields.PRODUCT, bytes(products.stream().map(ProductId::value).toList())), Occur.FILTER);
        if (!languages.isEmpty()) {
            b.add(new TermInSetQuery(Fields.GATE_LANGUAGE, bytes(languages)), Occur.FILTER);
        }
        return b.build();
    }

    static Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }

    private static List<BytesRef> bytes(java.util.Collection<String> values) {
        return values.stream().map(BytesRef::new).toList();
    }
}

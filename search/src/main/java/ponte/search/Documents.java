package ponte.search;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;
import ponte.core.items.Item;
import ponte.core.items.Version;
import ponte.core.log.IndexEntry;
import ponte.core.orgs.Org;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Orgs;
import ponte.core.products.ProductId;
import ponte.core.search.Candidate;

/** Turns a log entry into the Lucene document of its item's version. */
final class Documents {
    /** Language given to items whose language is neither declared nor detectable ("undetermined", ISO 639-2). */
    static final String UNDETERMINED = "und";

    private final Orgs orgs;
    private final Detection detection;
    // An org's country never changes once registered.
    private final Map<OrgId, Optional<String>> countries = new ConcurrentHashMap<>();

    Documents(Orgs orgs, Detection detection) {
        this.orgs = orgs;
        this.detection = detection;
    }

    Document of(IndexEntry entry) {
        Item item = entry.item();
        Version version = entry.version();
        Texts texts = Texts.of(version.content().ninjs());
        Optional<String> declared = version.content().language().filter(l -> !l.isBlank());
        String language = declared.or(() -> detection.detect(texts.headline() + "\n" + texts.body())).orElse(UNDETERMINED);
        Set<String> origin = new LinkedHashSet<>();
        item.owners().forEach(o -> countryOf(o).ifPresent(origin::add));
        Candidate.Facts facts = new Candidate.Facts(language, declared.isEmpty(), texts.subjects(), origin, entry.languageSet());

        Document doc = new Document();
        String id = item.id().value();
        doc.add(new StringField(Fields.ID, id, Field.Store.NO));
        doc.add(new NumericDocValuesField(Fields.KEY, Fields.key(id)));
        long created = item.firstCreated().toEpochMilli();
        doc.add(new LongPoint(Fields.CREATED, created));
        doc.add(new NumericDocValuesField(Fields.CREATED, created));
        item.owners().forEach(o -> keyword(doc, Fields.OWNER, o.value()));
        version.products().stream().map(ProductId::value).forEach(p -> keyword(doc, Fields.PRODUCT, p));
        declared.ifPresent(l -> Fields.rangesCovering(l).forEach(r -> keyword(doc, Fields.GATE_LANGUAGE, r)));
        Fields.rangesCovering(language).forEach(r -> keyword(doc, Fields.LANGUAGE, r));
        keyword(doc, Fields.TYPE, version.content().type());
        for (Candidate.Subject s : texts.subjects()) {
            keyword(doc, Fields.SUBJECT, s.code());
            keyword(doc, Fields.SUBJECT, s.name().toLowerCase(Locale.ROOT));
        }
        origin.forEach(c -> keyword(doc, Fields.COUNTRY, c));
        keyword(doc, Fields.KILLED, Boolean.toString(item.killed()));
        if (!entry.languageSet().equals(item.id())) {
            // Only members that joined another item's set carry the term: the set's first item is found by its id, and
            // most items, alone, cost no second unique term.
            keyword(doc, Fields.SET, entry.languageSet().value());
        }
        doc.add(new BinaryDocValuesField(Fields.FACTS, new BytesRef(Facts.encode(item, version, facts))));
        LanguageKey key = LanguageKey.of(language);
        doc.add(new Field(key.headline, texts.headline(), TextAnalysis.TEXT));
        doc.add(new Field(key.body, texts.body(), TextAnalysis.TEXT));
        return doc;
    }

    private static void keyword(Document doc, String field, String value) {
        doc.add(new StringField(field, value, Field.Store.NO));
    }

    private Optional<String> countryOf(OrgId org) {
        return countries.computeIfAbsent(org, o -> orgs.byId(o).map(Org::country).map(c -> c.value()));
    }
}

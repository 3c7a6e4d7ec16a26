package ponte.search;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/**
 * How the index analyses an item's text: a headline and a body field per language with an analyser of its own (see
 * LanguageKey), both read by that language's analyser. Public so that the benchmarks' raw-Lucene reference indexes
 * text exactly as Ponte does and measures what Ponte adds, not a different analysis.
 */
public final class TextAnalysis {
    /** Stored for snippets, with offsets in the postings so highlighting never re-analyses (smartcn is slow). */
    public static final FieldType TEXT = new FieldType();

    static {
        TEXT.setTokenized(true);
        TEXT.setStored(true);
        TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT.freeze();
    }

    private final Map<String, Analyzer> byField = new HashMap<>();
    private final Analyzer perField;

    /** A new set of analysers: they hold per-thread state and dictionaries, so an index keeps one set. */
    public TextAnalysis() {
        for (LanguageKey key : LanguageKey.values()) {
            Analyzer a = key.newAnalyzer(); // a language's headline and body share one analyser
            byField.put(key.headline, a);
            byField.put(key.body, a);
        }
        perField = new PerFieldAnalyzerWrapper(new StandardAnalyzer(), byField);
    }

    /** Each text field's analyser (read-only). */
    public Map<String, Analyzer> byField() {
        return Collections.unmodifiableMap(byField);
    }

    /** The analyser of a whole document: each text field's own, the standard analyser for any other field. */
    public Analyzer perField() {
        return perField;
    }

    /** The headline field for text in this language (a BCP 47 tag). */
    public static String headlineField(String language) {
        return LanguageKey.of(language).headline;
    }

    /** The body field for text in this language (a BCP 47 tag). */
    public static String bodyField(String language) {
        return LanguageKey.of(language).body;
    }

    /** Every text field, each language's headline then its body. */
    public static List<String> fields() {
        return Arrays.stream(LanguageKey.values()).flatMap(k -> Stream.of(k.headline, k.body)).toList();
    }
}

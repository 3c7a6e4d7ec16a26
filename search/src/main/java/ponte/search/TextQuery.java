package ponte.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The words of a search as a Lucene query over the per-language fields. Every whitespace-separated word (or quoted
 * phrase) must match, in one of the fields, as that field's analyser reads it: "coproduzioni" is stemmed for Italian,
 * "冬奥会" segmented for Chinese, "공동제작" decompounded for Korean. Within a word, the analyser's tokens must all
 * occur, and runs of single-character tokens (the ideographs a segmenter did not join into a word) must occur as a
 * phrase: 冬, 奥 and 会 scattered over a text are not 冬奥会.
 */
final class TextQuery {
    private static final Pattern WORDS = Pattern.compile("\"([^\"]*)\"|(\\S+)");
    /** A match in a headline counts twice a match in the body. */
    private static final float HEADLINE_BOOST = 2f;

    private final Map<String, Analyzer> analyzers;

    TextQuery(Map<String, Analyzer> analyzers) {
        this.analyzers = analyzers;
    }

    Query build(String text, List<LanguageKey> languages) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int clauses = 0;
        Matcher m = WORDS.matcher(text);
        while (m.find()) {
            boolean phrase = m.group(1) != null;
            String word = phrase ? m.group(1) : m.group(2);
            BooleanQuery.Builder anyField = new BooleanQuery.Builder();
            int fields = 0;
            for (LanguageKey key : languages) {
                for (String field : List.of(key.headline, key.body)) {
                    Query q = word(field, word, phrase);
                    if (q != null) {
                        anyField.add(field.equals(key.headline) ? new BoostQuery(q, HEADLINE_BOOST) : q, Occur.SHOULD);
                        fields++;
                    }
                }
            }
            if (fields > 0) {
                all.add(anyField.build(), Occur.MUST);
                clauses++;
            }
        }
        // Only stop words (or punctuation): nothing can match them, and matching everything would be a surprise.
        return clauses == 0 ? new MatchNoDocsQuery("no searchable words") : all.build();
    }

    private record Token(String term, int position) {}

    private Query word(String field, String word, boolean phrase) {
        List<Token> tokens = analyze(field, word);
        if (tokens.isEmpty()) {
            return null;
        }
        if (phrase) {
            return phrase(field, tokens);
        }
        BooleanQuery.Builder parts = new BooleanQuery.Builder();
        List<Token> run = new ArrayList<>();
        for (Token t : tokens) {
            boolean single = t.term().codePointCount(0, t.term().length()) == 1;
            if (single && (run.isEmpty() || run.getLast().position() + 1 == t.position())) {
                run.add(t);
                continue;
            }
            flush(field, run, parts);
            if (single) {
                run.add(t);
            } else {
                parts.add(new TermQuery(new Term(field, t.term())), Occur.MUST);
            }
        }
        flush(field, run, parts);
        BooleanQuery built = parts.build();
        return built.clauses().size() == 1 ? built.clauses().getFirst().query() : built;
    }

    private static void flush(String field, List<Token> run, BooleanQuery.Builder parts) {
        if (!run.isEmpty()) {
            parts.add(phrase(field, run), Occur.MUST);
            run.clear();
        }
    }

    private static Query phrase(String field, List<Token> tokens) {
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.getFirst().term()));
        }
        PhraseQuery.Builder b = new PhraseQuery.Builder();
        tokens.forEach(t -> b.add(new Term(field, t.term()), t.position()));
        return b.build();
    }

    /** The tokens on the analyser's main path (stacked tokens such as kuromoji's whole compounds are left out). */
    private List<Token> analyze(String field, String word) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream ts = analyzers.get(field).tokenStream(field, word)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                if (increment.getPositionIncrement() == 0) {
                    continue;
                }
                position += increment.getPositionIncrement();
                tokens.add(new Token(term.toString(), position));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}

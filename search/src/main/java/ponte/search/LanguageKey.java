package ponte.search;

import java.util.Locale;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;

/**
 * The languages with an analyser of their own, each with its headline and body fields. Chinese, Japanese and Korean
 * are written without spaces between words, so each needs a segmenter (smartcn's HMM, kuromoji's and nori's
 * dictionaries); Italian and English get stemming (Italian's light stemmer joins "coproduzioni" and
 * "coproduzione"). Every other language goes to ICU's Unicode word breaking with case and accent folding.
 */
enum LanguageKey {
    IT("it", ItalianAnalyzer::new),
    EN("en", EnglishAnalyzer::new),
    ZH("zh", SmartChineseAnalyzer::new),
    KO("ko", KoreanAnalyzer::new),
    JA("ja", JapaneseAnalyzer::new),
    OTHER("icu", LanguageKey::icu);

    final String suffix;
    final String headline;
    final String body;
    private final Supplier<Analyzer> analyzer;

    LanguageKey(String suffix, Supplier<Analyzer> analyzer) {
        this.suffix = suffix;
        this.headline = "headline_" + suffix;
        this.body = "body_" + suffix;
        this.analyzer = analyzer;
    }

    Analyzer newAnalyzer() {
        return analyzer.get();
    }

    /** By the primary subtag of a BCP 47 tag: "zh-Hans" and "zh-Hant" are both Chinese. */
    static LanguageKey of(String tag) {
        int end = 0;
        while (end < tag.length() && tag.charAt(end) != '-' && tag.charAt(end) != '_') {
            end++;
        }
        String primary = tag.substring(0, end).toLowerCase(Locale.ROOT);
        for (LanguageKey key : values()) {
            if (key != OTHER && key.suffix.equals(primary)) {
                return key;
            }
        }
        return OTHER;
    }

    private static Analyzer icu() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer tokenizer = new ICUTokenizer();
                return new TokenStreamComponents(tokenizer, new ICUFoldingFilter(tokenizer));
            }
        };
    }
}

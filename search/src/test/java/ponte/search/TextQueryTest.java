package ponte.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

/** How a search's words become per-language queries: what each analyser makes of them. */
class TextQueryTest {
    private static final TextQuery TEXT;

    static {
        Map<String, Analyzer> analyzers = new HashMap<>();
        for (LanguageKey key : LanguageKey.values()) {
            Analyzer a = key.newAnalyzer();
            analyzers.put(key.headline, a);
            analyzers.put(key.body, a);
        }
        TEXT = new TextQuery(analyzers);
    }

    @Test
    void italianPluralAndSingularMeetInOneStem() {
        assertThat(TEXT.build("coproduzioni", List.of(LanguageKey.IT)).toString()).contains("body_it:coproduzion");
        assertThat(TEXT.build("coproduzione", List.of(LanguageKey.IT)).toString()).contains("body_it:coproduzion");
    }

    @Test
    void chineseSegmentsAWordWhileJapaneseReadsItsIdeographsAsAPhrase() {
        assertThat(TEXT.build("冬奥会", List.of(LanguageKey.ZH)).toString()).contains("body_zh:冬奥会");
        assertThat(TEXT.build("冬奥会", List.of(LanguageKey.JA)).toString()).contains("body_ja:\"冬 奥 会\"");
    }

    @Test
    void koreanCompoundsAreDecompoundedAndBothPartsRequired() {
        assertThat(TEXT.build("공동제작", List.of(LanguageKey.KO)).toString()).contains("+body_ko:공동 +body_ko:제작");
    }

    @Test
    void onlyStopWordsMatchNothing() {
        assertThat(TEXT.build("the", List.of(LanguageKey.EN)).toString()).contains("MatchNoDocsQuery");
    }

    @Test
    void everyLanguageTagFindsItsAnalyser() {
        assertThat(LanguageKey.of("zh-Hant")).isEqualTo(LanguageKey.ZH);
        assertThat(LanguageKey.of("it_IT")).isEqualTo(LanguageKey.IT);
        assertThat(LanguageKey.of("pt-BR")).isEqualTo(LanguageKey.OTHER);
        assertThat(Fields.rangesCovering("zh-Hans-CN")).containsExactly("*", "zh-hans-cn", "zh", "zh-hans");
    }
}

package ponte.search;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;
import java.util.Optional;

/**
 * Guesses the language of an item that declares none, with Lingua. Only the languages below are loaded, in Lingua's
 * low-accuracy mode (trigram models): measured here, that takes ~10 MB of heap and half a second to build, against
 * 1.4 GB and 20 s for every language in high-accuracy mode, and news text is long enough for trigrams. Built on first
 * use, since most items declare their language.
 */
final class Detection {
    /** Analysed languages, plus the neighbours they are most often confused with, so those are not forced into them. */
    private static final Language[] LANGUAGES = {
        Language.ITALIAN, Language.ENGLISH, Language.CHINESE, Language.KOREAN, Language.JAPANESE,
        Language.FRENCH, Language.GERMAN, Language.SPANISH, Language.PORTUGUESE, Language.DUTCH, Language.CATALAN,
        Language.ROMANIAN, Language.RUSSIAN, Language.SERBIAN, Language.ARABIC, Language.SWAHILI, Language.INDONESIAN,
        Language.VIETNAMESE, Language.THAI, Language.TURKISH, Language.POLISH, Language.GREEK,
    };
    /** Enough text to decide; more only costs time. */
    private static final int SAMPLE = 2000;

    private volatile LanguageDetector detector;

    /** An ISO 639-1 code, or empty when the text gives no clear answer. */
    Optional<String> detect(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        Language language = detector().detectLanguageOf(text.length() > SAMPLE ? text.substring(0, SAMPLE) : text);
        return language == Language.UNKNOWN || language.getIsoCode639_1() == IsoCode639_1.NONE
                ? Optional.empty()
                : Optional.of(language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT));
    }

    private LanguageDetector detector() {
        LanguageDetector d = detector;
        if (d == null) {
            synchronized (this) {
                d = detector;
                if (d == null) {
                    d = LanguageDetectorBuilder.fromLanguages(LANGUAGES).withLowAccuracyMode().withPreloadedLanguageModels().build();
                    detector = d;
                }
            }
        }
        return d;
    }
}

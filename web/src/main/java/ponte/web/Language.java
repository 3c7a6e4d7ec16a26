package ponte.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Which UI language a visitor reads: the one chosen in the menu (a cookie), else the browser's preference, else English. */
final class Language {
    private Language() {}

    static String choose(Optional<String> chosen, String acceptLanguage) {
        if (chosen.isPresent() && Messages.LANGUAGES.contains(chosen.get())) {
            return chosen.get();
        }
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return "en";
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException malformed) {
            return "en";
        }
        for (Locale.LanguageRange range : ranges) {
            // Any Chinese is served Simplified: the UI has no Traditional bundle, and zh-CN, zh-SG, zh-Hans all mean it.
            String primary = range.getRange().split("-")[0];
            switch (primary) {
                case "en", "it", "ko" -> { return primary; }
                case "zh" -> { return "zh-Hans"; }
                default -> { }
            }
        }
        return "en";
    }
}

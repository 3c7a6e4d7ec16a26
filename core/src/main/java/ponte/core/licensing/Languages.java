package ponte.core.licensing;

import java.util.Locale;
import java.util.Set;

/** BCP 47 language ranges, matched by RFC 4647 basic filtering: "zh" covers "zh-Hans" and "zh-Hans-CN". */
public final class Languages {
    private Languages() {}

    public static String normalise(String tag) {
        return tag.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether any of the licensed ranges covers the item's language; no ranges means every language. */
    public static boolean covers(Set<String> ranges, String language) {
        if (ranges.isEmpty()) {
            return true;
        }
        if (language == null || language.isEmpty()) {
            return false;
        }
        String tag = normalise(language);
        for (String range : ranges) {
            String r = normalise(range);
            if (r.equals("*") || tag.equals(r) || tag.startsWith(r + "-")) {
                return true;
            }
        }
        return false;
    }

    /** Whether two sets of ranges share a language (no ranges means every language). */
    public static boolean overlap(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return true;
        }
        return a.stream().anyMatch(x -> covers(b, x)) || b.stream().anyMatch(y -> covers(a, y));
    }
}

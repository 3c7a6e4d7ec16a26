package ponte.core.search;

import java.util.Locale;
import ponte.core.Invalid;

/** How hits are ordered: by relevance to the query, or newest first (by first publication). */
public enum Order {
    RELEVANCE, NEWEST;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Order fromWire(String value) {
        return switch (value) {
            case "relevance" -> RELEVANCE;
            case "newest" -> NEWEST;
            default -> throw new Invalid("/sort", "sort must be 'relevance' or 'newest'");
        };
    }
}

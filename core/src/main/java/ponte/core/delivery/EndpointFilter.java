package ponte.core.delivery;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import ponte.core.Invalid;
import ponte.core.products.ProductId;

/**
 * Which of the entries its org is entitled to an endpoint wants. Empty sets mean "any". Languages are BCP 47 ranges
 * matched by prefix ("zh" takes "zh-Hans"); subjects match a ninjs subject's uri, literal or name.
 *
 * <p>A filter narrows what the gate already allowed; it never widens it. It is the partner's own choice, not an
 * entitlement decision, so it does its own small language match rather than the gate's.
 */
public record EndpointFilter(Set<String> languages, Set<ProductId> products, Set<String> subjects) {
    public static final EndpointFilter ANY = new EndpointFilter(Set.of(), Set.of(), Set.of());
    private static final int MAX_VALUES = 100;
    /** ISO 639-1's two-letter languages, the primary subtag of most tags (RFC 5646 section 2.2.1). */
    private static final Set<String> TWO_LETTER_LANGUAGES = Set.of(Locale.getISOLanguages());

    public EndpointFilter {
        languages = languages.stream().map(l -> l.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        products = Set.copyOf(products);
        subjects = Set.copyOf(subjects);
        if (languages.size() > MAX_VALUES || products.size() > MAX_VALUES || subjects.size() > MAX_VALUES) {
            throw new Invalid("/filter", "a filter lists at most " + MAX_VALUES + " values per field");
        }
        if (languages.stream().anyMatch(l -> !l.matches("[a-z0-9*]{1,8}(-[a-z0-9]{1,8})*"))) {
            throw new Invalid("/filter/languages", "languages must be BCP 47 tags or ranges, e.g. it, zh-Hans");
        }
        languages.stream().filter(l -> !knownLanguage(l)).sorted().findFirst().ifPresent(l -> {
            throw new Invalid("/filter/languages", "unknown language '" + l + "': a tag starts with an ISO 639 language, e.g. it, zh-Hans");
        });
        if (subjects.stream().anyMatch(x -> x.isBlank() || x.length() > 500 || x.chars().anyMatch(Character::isISOControl))) {
            throw new Invalid("/filter/subjects", "subjects are 1-500 characters without control characters");
        }
    }

    /**
     * Whether a range names a language: "*", or a tag whose primary subtag is an ISO 639-1 code or three letters (ISO
     * 639-2/3, too many to list here). Four to eight letters are reserved or registered only in theory (RFC 5646).
     */
    private static boolean knownLanguage(String range) {
        String primary = range.split("-", 2)[0];
        return range.equals("*") || primary.matches("[a-z]{3}") || TWO_LETTER_LANGUAGES.contains(primary);
    }

    /**
     * @param language the version's language, if it has one
     * @param subjects the uris, literals and names of the version's subjects
     */
    public boolean matches(Optional<String> language, Set<ProductId> itemProducts, Set<String> subjects) {
        return languageMatches(language)
                && (products.isEmpty() || itemProducts.stream().anyMatch(products::contains))
                && (this.subjects.isEmpty() || subjects.stream().anyMatch(this.subjects::contains));
    }

    private boolean languageMatches(Optional<String> language) {
        if (languages.isEmpty()) {
            return true;
        }
        String tag = language.map(l -> l.strip().toLowerCase(Locale.ROOT)).orElse("");
        return !tag.isEmpty() && languages.stream().anyMatch(r -> r.equals("*") || tag.equals(r) || tag.startsWith(r + "-"));
    }
}

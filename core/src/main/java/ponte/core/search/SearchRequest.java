package ponte.core.search;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import ponte.core.Invalid;
import ponte.core.orgs.CountryCode;
import ponte.core.products.ProductId;

/**
 * One search: words (empty: everything the caller may find), filters, an order and a page. Filters narrow by the
 * item's language (a BCP 47 range: "zh" matches "zh-Hans"), product, subject (a code or name), country of origin,
 * ninjs type and first publication in [from, to).
 */
public record SearchRequest(
        String text,
        Optional<String> language,
        Optional<ProductId> product,
        Optional<String> subject,
        Optional<CountryCode> country,
        Optional<String> type,
        Optional<Instant> from,
        Optional<Instant> to,
        Order order,
        int limit,
        Optional<String> after) {

    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_TEXT = 500;

    public SearchRequest {
        text = Objects.requireNonNullElse(text, "").strip();
        if (text.length() > MAX_TEXT) {
            throw new Invalid("/q", "q is limited to " + MAX_TEXT + " characters");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new Invalid("/limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new Invalid("/to", "to must be after from");
        }
        Objects.requireNonNull(order);
    }

    /** Everything that selects and orders hits (not the page): a cursor is valid only for the same search. */
    String fingerprint() {
        return String.join("\u0000", text, language.orElse(""), product.map(ProductId::value).orElse(""), subject.orElse(""),
                country.map(CountryCode::value).orElse(""), type.orElse(""), from.map(Instant::toString).orElse(""),
                to.map(Instant::toString).orElse(""), order.wire());
    }
}

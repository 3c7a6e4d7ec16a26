package ponte.core.campaigns;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;
import ponte.core.Ids;
import ponte.core.Invalid;
import ponte.core.items.ItemId;

/**
 * Something the audience can book, presented by one of the campaign's items. ninjs has no offer type or price, so the
 * offer is Ponte's and the item carries only the disclosure partners must show ({@link Disclosure}).
 */
public record Offer(String campaign, String id, ItemId item, String title, Optional<String> description, BigDecimal price,
                    Currency currency, Optional<Instant> validFrom, Optional<Instant> validTo, String bookingUrl) {
    /** An absolute http(s) URL with a host and no credentials (the API has parsed it as a URI already). */
    private static final java.util.regex.Pattern BOOKABLE = java.util.regex.Pattern.compile("https?://[^/?#@\\s]+([/?#][^\\s]*)?");

    public Offer {
        Objects.requireNonNull(campaign);
        Ids.requireUrlSafe("id", id);
        Objects.requireNonNull(item);
        Objects.requireNonNull(description);
        Objects.requireNonNull(price);
        Objects.requireNonNull(currency);
        Objects.requireNonNull(validFrom);
        Objects.requireNonNull(validTo);
        Objects.requireNonNull(bookingUrl);
        if (title == null || title.isBlank()) {
            throw new Invalid("/title", "title is required");
        }
        if (price.signum() < 0) {
            throw new Invalid("/price", "price must be zero or more");
        }
        if (validFrom.isPresent() && validTo.isPresent() && !validFrom.get().isBefore(validTo.get())) {
            throw new Invalid("/validTo", "validTo must be after validFrom");
        }
        if (!BOOKABLE.matcher(bookingUrl).matches()) {
            throw new Invalid("/bookingUrl", "bookingUrl must be an absolute http(s) URL without credentials");
        }
    }

    /** Whether this is the same offer as {@code other}: a retry. A price of 10.0 is not 10.00: the scale is the offer's. */
    public boolean sameAs(Offer other) {
        return equals(other);
    }
}

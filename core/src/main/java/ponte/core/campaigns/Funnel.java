package ponte.core.campaigns;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A campaign's funnel, in the shapes of {@link ponte.core.reach.Reach}: views of its items, clicks on its links,
 * bookings and revenue of its offers, in totals, in facets (channel, offer, language) and by day. Revenue is kept per
 * currency and never summed across currencies.
 */
public record Funnel(Counts totals, List<Facet> facets, List<Day> histogram) {
    public static final List<String> FACETS = List.of("channel", "offer", "language");

    /** @param revenue exact sums by ISO 4217 code, in code order */
    public record Counts(long views, long clicks, long bookings, SortedMap<String, BigDecimal> revenue) {
        public static final Counts NONE = new Counts(0, 0, 0, new TreeMap<>());

        public Counts {
            revenue = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(revenue));
        }

        Counts plus(Counts other) {
            TreeMap<String, BigDecimal> sum = new TreeMap<>(revenue);
            other.revenue.forEach((currency, amount) -> sum.merge(currency, amount, BigDecimal::add));
            return new Counts(views + other.views, clicks + other.clicks, bookings + other.bookings, sum);
        }

        static Counts ofViews(long views) {
            return new Counts(views, 0, 0, Map.of());
        }

        static Counts ofClicks(long clicks) {
            return new Counts(0, clicks, 0, Map.of());
        }

        /** The revenue without the zeros a database's sum adds, but with the currency's own minor digits (1290.00 EUR, 8990 JPY). */
        static Counts ofBookings(long bookings, Currency currency, BigDecimal revenue) {
            BigDecimal plain = revenue.stripTrailingZeros();
            int scale = Math.max(Math.max(0, currency.getDefaultFractionDigits()), plain.scale());
            return new Counts(0, 0, bookings, Map.of(currency.getCurrencyCode(), plain.setScale(scale)));
        }

        Counts(long views, long clicks, long bookings, Map<String, BigDecimal> revenue) {
            this(views, clicks, bookings, new TreeMap<>(revenue));
        }
    }

    public record Facet(String name, List<Bucket> buckets) {}

    /** @param label a readable name when the value is an id (a channel's outlet, an offer's title) */
    public record Bucket(String value, Optional<String> label, Counts counts) {}

    public record Day(LocalDate day, Counts counts) {}

    public Facet facet(String name) {
        return facets.stream().filter(f -> f.name().equals(name)).findFirst().orElse(new Facet(name, List.of()));
    }
}

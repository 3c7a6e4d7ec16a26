package ponte.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import ponte.core.Invalid;
import ponte.core.orgs.CountryCode;
import ponte.core.products.ProductId;
import ponte.core.search.Order;
import ponte.core.search.SearchRequest;

/** GET /v1/search's query parameters as a {@link SearchRequest}, each refusal pointing at its parameter. */
final class SearchParameters {
    // BCP 47 in its common shape (language, script, region, variants): enough to refuse garbage, not a registry check.
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");
    /** ninjs 3.1's "type" values, every one its schema allows (newsObjectType, from IPTC's ninature codes). */
    static final Set<String> TYPES = Set.of("text", "audio", "video", "picture", "graphic", "composite", "component", "event", "planning");
    private static final int MAX_SUBJECT = 500;

    private SearchParameters() {}

    static SearchRequest read(Exchange x) {
        String q = x.query("q").orElse("");
        Optional<String> lang = x.query("lang").map(l -> {
            if (!LANGUAGE.matcher(l).matches()) {
                throw new Invalid("/lang", "lang must be a BCP 47 language tag or range, e.g. it, zh, zh-Hans");
            }
            return l;
        });
        Optional<ProductId> product = x.query("product").map(p -> JsonInput.at("/product", () -> new ProductId(p)));
        Optional<String> subject = x.query("subject").map(s -> {
            if (s.length() > MAX_SUBJECT) {
                throw new Invalid("/subject", "subject is limited to " + MAX_SUBJECT + " characters");
            }
            return s;
        });
        Optional<CountryCode> country = x.query("country").map(c -> JsonInput.at("/country", () -> CountryCode.of(c.toUpperCase(Locale.ROOT))));
        Optional<String> type = x.query("type").map(t -> {
            if (!TYPES.contains(t)) {
                throw new Invalid("/type", "type must be one of " + String.join(", ", TYPES.stream().sorted().toList()));
            }
            return t;
        });
        Optional<Instant> from = x.query("from").map(f -> time("from", f, false));
        Optional<Instant> to = x.query("to").map(t -> time("to", t, true));
        Order order = x.query("sort").map(Order::fromWire).orElse(Order.RELEVANCE);
        int limit = x.intQuery("limit", SearchRequest.DEFAULT_LIMIT);
        return new SearchRequest(q, lang, product, subject, country, type, from, to, order, limit, x.query("after"));
    }

    /** An RFC 3339 date-time, or a date (UTC): as {@code to}, a date includes its whole day. */
    static Instant time(String name, String value, boolean end) {
        Invalid refusal = new Invalid("/" + name, name + " must be a date (2026-02-06) or an RFC 3339 date-time (2026-02-06T19:00:00Z)");
        if (value.length() != 10) {
            return Rfc3339.instant(value).orElseThrow(() -> refusal);
        }
        try {
            LocalDate day = LocalDate.parse(value);
            return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw refusal;
        }
    }
}

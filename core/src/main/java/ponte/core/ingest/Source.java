package ponte.core.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import ponte.core.Invalid;
import ponte.core.orgs.OrgId;
import ponte.core.products.ProductId;

/** Another agency's feed that an org pulls in: where, in which format, how often, and into which of its products. */
public record Source(String id, OrgId org, String url, SourceFormat format, Duration interval, Set<ProductId> products,
                     boolean paused, Instant created) {
    /** Polling more often than this is unkind to the other side and gains nothing for news. */
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(10);
    public static final Duration MAX_INTERVAL = Duration.ofDays(1);

    public Source {
        Objects.requireNonNull(id);
        Objects.requireNonNull(org);
        requireHttpUrl(url);
        Objects.requireNonNull(format);
        if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
            throw new Invalid("/intervalSeconds", "intervalSeconds must be between " + MIN_INTERVAL.toSeconds() + " and " + MAX_INTERVAL.toSeconds());
        }
        products = Set.copyOf(products);
        if (products.isEmpty()) {
            throw new Invalid("/products", "at least one product is required");
        }
        Objects.requireNonNull(created);
    }

    public Source with(String newUrl, SourceFormat newFormat, Duration newInterval, Set<ProductId> newProducts, boolean nowPaused) {
        return new Source(id, org, newUrl, newFormat, newInterval, newProducts, nowPaused, created);
    }

    // RFC 3986 in outline: scheme "://" a host, then path, query and fragment without spaces. Core does no I/O, so no
    // java.net here; the adapter that fetches parses it fully and reports a bad one as the source's error.
    private static final Pattern HTTP_URL = Pattern.compile("https?://[^/?#\\s@]+(:[0-9]{1,5})?([/?#]\\S*)?", Pattern.CASE_INSENSITIVE);

    private static void requireHttpUrl(String url) {
        if (url == null || url.length() > 2000 || !HTTP_URL.matcher(url).matches()) {
            throw new Invalid("/url", "url must be an absolute http or https URL");
        }
    }
}

package ponte.core.ingest;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
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

    private static void requireHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return;
            }
        } catch (java.net.URISyntaxException | NullPointerException e) {
            // refused below
        }
        throw new Invalid("/url", "url must be an absolute http or https URL");
    }
}

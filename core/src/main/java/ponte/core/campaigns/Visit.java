package ponte.core.campaigns;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** Who follows a link, as the request shows it; none of it is kept ({@link Click} keeps at most a salted hash). */
public record Visit(Optional<String> address, Optional<String> userAgent, boolean prefetch) {
    /**
     * Crawlers that say so in their User-Agent (search engines, link previews of chat apps and social networks, HTTP
     * libraries); a bot that pretends to be a browser is counted as a person, which no server can tell apart.
     */
    private static final Pattern DECLARED = Pattern.compile(
            "bot|crawl|spider|slurp|preview|facebookexternalhit|embedly|curl/|wget/|python-requests|go-http-client|okhttp|headless");

    public Visit {
        Objects.requireNonNull(address);
        Objects.requireNonNull(userAgent);
    }

    /** A declared crawler, a prefetch or prerender (Sec-Purpose, Purpose, X-Moz), or a client that names itself not at all. */
    public boolean bot() {
        return prefetch || userAgent.isEmpty() || DECLARED.matcher(userAgent.get().toLowerCase(Locale.ROOT)).find();
    }
}

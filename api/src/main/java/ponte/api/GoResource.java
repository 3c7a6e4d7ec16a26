package ponte.api;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import ponte.core.campaigns.Clicking;
import ponte.core.campaigns.Visit;

/**
 * GET /go/{code}: a tracked link, followed without a key. The answer is a 302 to the offer's booking URL as registered
 * plus Ponte's utm parameters; the request's own query is never read, so a link cannot be bent into an open redirect.
 */
public final class GoResource implements Resource {
    private final Clicking clicking;
    private final ClientAddresses addresses;

    public GoResource(Clicking clicking, ClientAddresses addresses) {
        this.clicking = clicking;
        this.addresses = addresses;
    }

    @Override
    public void register(Routes routes) {
        routes.add("GET", "/go/{code}", this::follow);
    }

    private void follow(Exchange x) {
        Visit visit = new Visit(Optional.of(addresses.of(x.request)), Optional.ofNullable(x.requestHeader(HttpHeader.USER_AGENT)),
                prefetch(x));
        String target = clicking.follow(x.path("code"), visit);
        x.header(HttpHeader.LOCATION, target);
        x.header(HttpHeader.CACHE_CONTROL, "no-store"); // each follow is a click; a cached redirect would count none
        x.header("Referrer-Policy", "no-referrer");
        x.send(302, "text/plain", ("Found: " + target).getBytes(StandardCharsets.UTF_8));
    }

    /** Speculative loads say so: Sec-Purpose (Chromium), Purpose (older Chromium, Safari), X-Moz (Firefox). */
    private static boolean prefetch(Exchange x) {
        String purpose = Optional.ofNullable(x.request.getHeaders().get("Sec-Purpose"))
                .or(() -> Optional.ofNullable(x.request.getHeaders().get("Purpose")))
                .or(() -> Optional.ofNullable(x.request.getHeaders().get("X-Moz"))).orElse("");
        return purpose.contains("prefetch") || purpose.contains("prerender") || purpose.contains("preview");
    }
}

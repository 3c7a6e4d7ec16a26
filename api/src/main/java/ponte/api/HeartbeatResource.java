package ponte.api;

import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import ponte.core.campaigns.Visit;
import ponte.core.campaigns.Watching;

/**
 * POST /go/live/{code}: a player's heartbeat, every 30 s while its viewer watches; no key (the player runs in a
 * viewer's browser or app), limited per client address as every request without a key is. The optional
 * {@code session} query parameter is the player's own id for this viewing; without it the viewer is its address and
 * user agent. A 204 means the heartbeat is kept (in the node's journal, then the store). Any origin may send it: the answer carries no data.
 */
public final class HeartbeatResource implements Resource {
    private final Watching watching;
    private final ClientAddresses addresses;

    public HeartbeatResource(Watching watching, ClientAddresses addresses) {
        this.watching = watching;
        this.addresses = addresses;
    }

    @Override
    public void register(Routes routes) {
        routes.add("POST", "/go/live/{code}", this::beat);
    }

    private void beat(Exchange x) {
        Visit visit = new Visit(Optional.of(addresses.of(x.request)), Optional.ofNullable(x.requestHeader(HttpHeader.USER_AGENT)), false);
        watching.heartbeat(x.path("code"), x.query("session"), visit);
        x.header(HttpHeader.CACHE_CONTROL, "no-store");
        x.header(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        x.noContent();
    }
}

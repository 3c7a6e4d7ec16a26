package ponte.outbound;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import ponte.core.Invalid;
import ponte.core.UrlGuard;

/**
 * The SSRF guard. A webhook url is the partner's to choose and an ingest source the editor's, so without a guard
 * either could make Ponte call its own database port, a neighbour on the private network or the cloud's metadata
 * service. Checked when such a url is saved (a clear 422, through {@link #urls}) and again as the resolver of every
 * HTTP client made by {@link #client}, so the address actually connected to is the address checked: a DNS answer that
 * changes after the check (rebinding), or a redirect to somewhere else, gains nothing.
 *
 * <p>{@code --allow-private-endpoints} (a demo, receivers on the same network) opens loopback and the private ranges
 * only ({@link AddressKind#privateNetwork}). Cloud metadata services, link-local, unspecified, multicast and reserved
 * addresses stay refused whatever the settings: no receiver lives there, and the metadata service hands out the
 * machine's credentials to whoever asks from it.
 */
public final class AddressGuard {
    /** Name resolution, replaceable in tests. */
    @FunctionalInterface
    public interface Dns {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A connection refused by the guard when it was about to be opened. */
    public static final class Refused extends UnknownHostException {
        Refused(String message) {
            super(message);
        }
    }

    private final boolean allowPrivate;
    private final Dns dns;
    private final Set<InetSocketAddress> trusted;

    public AddressGuard(boolean allowPrivate, Dns dns) {
        this(allowPrivate, dns, Set.of());
    }

    public AddressGuard(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    private AddressGuard(boolean allowPrivate, Dns dns, Set<InetSocketAddress> trusted) {
        this.allowPrivate = allowPrivate;
        this.dns = dns;
        this.trusted = Set.copyOf(trusted);
    }

    /**
     * This guard, letting one more address and port through. For tests, whose servers can only listen on this machine:
     * one of them stands for a public host while everything else on loopback stays refused.
     */
    public AddressGuard trusting(InetSocketAddress address) {
        Set<InetSocketAddress> more = new HashSet<>(trusted);
        more.add(address);
        return new AddressGuard(allowPrivate, dns, more);
    }

    /**
     * The check a use case makes when a url is saved.
     *
     * @param action what Ponte does with such urls, as the refusal says it: "push to", "fetch from"
     */
    public UrlGuard urls(String action) {
        return url -> check(url, action);
    }

    private void check(String url, String action) {
        URI uri = parse(url);
        int port = uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        Optional<AddressKind> named = AddressKind.ofName(uri.getHost());
        if (named.isPresent()) {
            throw new Invalid("/url", uri.getHost() + " is a " + named.get().label() + " host name: " + never(action));
        }
        try {
            for (InetAddress address : dns.resolve(uri.getHost())) {
                Optional<AddressKind> kind = refusal(address, port);
                if (kind.isPresent()) {
                    throw new Invalid("/url", uri.getHost() + " resolves to " + address.getHostAddress() + ", a " + kind.get().label()
                            + " address: " + (kind.get().privateNetwork()
                                    ? "Ponte does not " + action + " private networks (a server started with --allow-private-endpoints does)"
                                    : never(action)));
                }
            }
        } catch (UnknownHostException e) {
            throw new Invalid("/url", "the host " + uri.getHost() + " does not resolve");
        }
    }

    private static String never(String action) {
        return "Ponte does not " + action + " such addresses, whatever its settings";
    }

    /**
     * A started Jetty HTTP client that opens connections only to addresses this guard allows: the guard is its
     * resolver, set after {@code settings} so that nothing replaces it. Its threads are daemons named {@code name}.
     */
    public HttpClient client(String name, Consumer<HttpClient> settings) {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName(name);
        threads.setDaemon(true);
        HttpClient client = new HttpClient();
        client.setExecutor(threads);
        settings.accept(client);
        client.setSocketAddressResolver(resolver());
        // One client calls every org's urls: a cookie one org's server set must never travel with another org's request.
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("the " + name + " HTTP client did not start", e);
        }
        return client;
    }

    /** A url Ponte calls: absolute http or https, a host, no user info (it would end up in logs), no fragment. */
    static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Invalid("/url", "url is not a valid URI: " + e.getReason());
        }
        String scheme = Optional.ofNullable(uri.getScheme()).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Invalid("/url", "url must be http or https");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new Invalid("/url", "url must name a host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new Invalid("/url", "url must not carry user info or a fragment");
        }
        return uri;
    }

    /** The resolver the guarded HTTP clients connect through: forbidden addresses never reach connect(). */
    SocketAddressResolver resolver() {
        return (host, port, context, promise) -> resolve(host, port, promise);
    }

    private void resolve(String host, int port, Promise<List<InetSocketAddress>> promise) {
        Optional<AddressKind> named = AddressKind.ofName(host);
        if (named.isPresent()) {
            promise.failed(new Refused(host + " is a " + named.get().label() + " host name: refused by the SSRF guard"));
            return;
        }
        try {
            List<InetSocketAddress> allowed = new ArrayList<>();
            String refused = "";
            for (InetAddress address : dns.resolve(host)) {
                Optional<AddressKind> kind = refusal(address, port);
                if (kind.isEmpty()) {
                    allowed.add(new InetSocketAddress(address, port));
                } else {
                    refused = host + " resolves to " + address.getHostAddress() + ", a " + kind.get().label() + " address";
                }
            }
            // Any forbidden address refuses the host: a mix is how rebinding attacks hedge their bets.
            if (!refused.isEmpty() || allowed.isEmpty()) {
                promise.failed(new Refused(refused.isEmpty() ? host + " does not resolve" : refused + ": refused by the SSRF guard"));
                return;
            }
            promise.succeeded(allowed);
        } catch (UnknownHostException e) {
            promise.failed(e);
        }
    }

    /** Why Ponte must not connect to this address and port here, or empty when it may. */
    private Optional<AddressKind> refusal(InetAddress address, int port) {
        if (trusted.contains(new InetSocketAddress(address, port))) {
            return Optional.empty();
        }
        return AddressKind.of(address).filter(kind -> !(allowPrivate && kind.privateNetwork()));
    }
}

package ponte.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
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
        if (allowPrivate) {
            return;
        }
        int port = uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        try {
            for (InetAddress address : dns.resolve(uri.getHost())) {
                Optional<String> kind = refusal(address, port);
                if (kind.isPresent()) {
                    throw new Invalid("/url", uri.getHost() + " resolves to " + address.getHostAddress() + ", a " + kind.get()
                            + " address: Ponte does not " + action + " private networks (a server started with --allow-private-endpoints does)");
                }
            }
        } catch (UnknownHostException e) {
            throw new Invalid("/url", "the host " + uri.getHost() + " does not resolve");
        }
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
        try {
            List<InetSocketAddress> allowed = new ArrayList<>();
            String refused = "";
            for (InetAddress address : dns.resolve(host)) {
                Optional<String> kind = refusal(address, port);
                if (kind.isEmpty()) {
                    allowed.add(new InetSocketAddress(address, port));
                } else {
                    refused = host + " resolves to " + address.getHostAddress() + ", a " + kind.get() + " address";
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
    private Optional<String> refusal(InetAddress address, int port) {
        if (allowPrivate || trusted.contains(new InetSocketAddress(address, port))) {
            return Optional.empty();
        }
        return forbidden(address);
    }

    /** Why Ponte must not connect to this address, or empty when it may. */
    static Optional<String> forbidden(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            Optional<Inet4Address> embedded = embeddedV4(v6.getAddress());
            if (embedded.isPresent()) {
                return forbidden(embedded.get());
            }
        }
        byte[] b = address.getAddress();
        if (isMetadata(b)) {
            return Optional.of("cloud metadata");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        return b.length == 4 ? forbiddenV4(b) : forbiddenV6(b);
    }

    private static Optional<String> forbiddenV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 100 && second >= 64 && second < 128) {
            return Optional.of("carrier-grade NAT (RFC 6598)");
        }
        if (first == 0 || first >= 240) {
            return Optional.of("reserved");
        }
        if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
            return Optional.of("IETF protocol assignment (RFC 6890)");
        }
        if (first == 198 && (second == 18 || second == 19)) {
            return Optional.of("benchmarking (RFC 2544)");
        }
        return Optional.empty();
    }

    private static Optional<String> forbiddenV6(byte[] b) {
        if ((b[0] & 0xfe) == 0xfc) {
            return Optional.of("unique local (fc00::/7)");
        }
        return Optional.empty();
    }

    // 169.254.169.254 (AWS, GCP, Azure, OpenStack), 100.100.100.200 (Alibaba), 192.0.0.192 (Oracle), fd00:ec2::254 (AWS IPv6).
    private static final List<byte[]> METADATA = List.of(
            new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254},
            new byte[] {100, 100, 100, (byte) 200},
            new byte[] {(byte) 192, 0, 0, (byte) 192},
            new byte[] {(byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54});

    private static boolean isMetadata(byte[] b) {
        return METADATA.stream().anyMatch(m -> java.util.Arrays.equals(m, b));
    }

    /** IPv4 carried inside IPv6: mapped (::ffff:a.b.c.d), compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d). */
    private static Optional<Inet4Address> embeddedV4(byte[] b) {
        boolean zeros = true;
        for (int i = 0; i < 10; i++) {
            zeros &= b[i] == 0;
        }
        boolean mapped = zeros && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeros && b[10] == 0 && b[11] == 0 && ((b[12] | b[13] | b[14]) != 0 || (b[15] & 0xff) > 1);
        boolean nat64 = (b[0] & 0xff) == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        if (!mapped && !compatible && !nat64) {
            return Optional.empty();
        }
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }
}

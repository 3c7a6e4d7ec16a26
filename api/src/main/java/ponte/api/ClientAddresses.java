package ponte.api;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * Whose request this is, by address: the socket's peer, unless that peer is a proxy the operator trusts, in which case
 * the address that proxy was asked by, from {@code X-Forwarded-For}. The header is read from its end (each proxy
 * appends the address it was asked by): trusted proxies are passed over and the first address that is not one is the
 * client's. Anyone can send the header, so it counts only when a trusted proxy hands it on: a client talking to Ponte
 * directly cannot name another address.
 */
public final class ClientAddresses {
    /** Nobody is trusted to name the client: the socket's peer is the client. */
    public static final ClientAddresses DIRECT = new ClientAddresses(List.of());

    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private final InetAddressSet trusted = new InetAddressSet();
    private final boolean any;

    /**
     * @param trustedProxies addresses ({@code 10.0.0.5}, {@code ::1}) and CIDR blocks ({@code 10.0.0.0/8}) of the
     *                       proxies in front of Ponte; host names are refused (trust does not follow DNS)
     */
    public ClientAddresses(List<String> trustedProxies) {
        for (String proxy : trustedProxies) {
            String address = proxy.strip();
            int slash = address.indexOf('/');
            if (literal(slash < 0 ? address : address.substring(0, slash)).isEmpty()) {
                throw new IllegalArgumentException("a trusted proxy is an IP address or a CIDR block (10.0.0.0/8), not '" + proxy + "'");
            }
            trusted.add(address);
        }
        this.any = !trustedProxies.isEmpty();
    }

    /** The client's address as text (IPv6 in its full form), as the audit trail and rate limits name it. */
    public String of(Request request) {
        return client(request).map(InetAddress::getHostAddress)
                .orElseGet(() -> String.valueOf(request.getConnectionMetaData().getRemoteSocketAddress()));
    }

    /** The client's address; empty when the connection has none (not an IP socket). */
    Optional<InetAddress> client(Request request) {
        SocketAddress socket = request.getConnectionMetaData().getRemoteSocketAddress();
        if (!(socket instanceof InetSocketAddress peer) || peer.getAddress() == null) {
            return Optional.empty();
        }
        InetAddress client = peer.getAddress();
        if (any && trusted.test(client)) {
            client = forwardedBy(client, request.getHeaders().getValuesList("X-Forwarded-For"));
        }
        return Optional.of(client);
    }

    /**
     * Walks the header's addresses from the last: the first one that is not a trusted proxy is the client. An entry that
     * is no address stops the walk at the proxy that passed it on; so does the header's start.
     */
    private InetAddress forwardedBy(InetAddress proxy, List<String> headers) {
        List<String> hops = headers.stream().flatMap(h -> java.util.Arrays.stream(h.split(","))).map(String::strip).toList();
        InetAddress client = proxy;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(withoutPort(hops.get(i)));
            if (hop.isEmpty()) {
                return client;
            }
            client = hop.get();
            if (!trusted.test(client)) {
                return client;
            }
        }
        return client;
    }

    /** {@code [2001:db8::1]:443} and {@code 192.0.2.1:80} name addresses with ports; the port is not the client's. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end < 0 ? hop : hop.substring(1, end);
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }

    /** The address written literally, never looked up: only digits, hex, dots and colons reach the parser. */
    private static Optional<InetAddress> literal(String text) {
        if (!LITERAL.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}

package ponte.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of address Ponte does not send requests to, and which of them {@code --allow-private-endpoints} opens:
 * loopback and the private ranges (a receiver in the same network), nothing else.
 */
enum AddressKind {
    CLOUD_METADATA("cloud metadata", false),
    UNSPECIFIED("unspecified", false),
    LINK_LOCAL("link-local", false),
    MULTICAST("multicast", false),
    RESERVED("reserved", false),
    PROTOCOL_ASSIGNMENT("IETF protocol assignment (RFC 6890)", false),
    BENCHMARKING("benchmarking (RFC 2544)", false),
    LOOPBACK("loopback", true),
    PRIVATE("private", true),
    SHARED("carrier-grade NAT (RFC 6598)", true),
    UNIQUE_LOCAL("unique local (fc00::/7)", true);

    // 169.254.169.254 (AWS, GCP, Azure, OpenStack), 100.100.100.200 (Alibaba), 192.0.0.192 (Oracle), fd00:ec2::254 (AWS IPv6).
    private static final List<byte[]> METADATA = List.of(
            new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254},
            new byte[] {100, 100, 100, (byte) 200},
            new byte[] {(byte) 192, 0, 0, (byte) 192},
            new byte[] {(byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54});

    /**
     * Names of metadata services, refused before they are resolved: Google's resolve to 169.254.169.254 on its own
     * network, but a resolver elsewhere (a split-horizon DNS, a proxy) may answer with an address in a private range.
     */
    private static final Set<String> METADATA_NAMES = Set.of("metadata.google.internal", "metadata.goog");

    private final String label;
    private final boolean privateNetwork;

    AddressKind(String label, boolean privateNetwork) {
        this.label = label;
        this.privateNetwork = privateNetwork;
    }

    /** How a refusal names the kind: "a {label} address". */
    String label() {
        return label;
    }

    /** Whether this is loopback or a private range, which a server started with --allow-private-endpoints may call. */
    boolean privateNetwork() {
        return privateNetwork;
    }

    /** The kind of a host name Ponte never resolves, if it is one. */
    static Optional<AddressKind> ofName(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        return METADATA_NAMES.contains(name) ? Optional.of(CLOUD_METADATA) : Optional.empty();
    }

    /** The kind of an address Ponte must not call, or empty for a public address. */
    static Optional<AddressKind> of(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            Optional<Inet4Address> embedded = embeddedV4(v6.getAddress());
            if (embedded.isPresent()) {
                return of(embedded.get());
            }
        }
        byte[] b = address.getAddress();
        // Metadata first: its addresses lie inside link-local, carrier-grade NAT, RFC 6890 and unique local ranges.
        if (METADATA.stream().anyMatch(m -> Arrays.equals(m, b))) {
            return Optional.of(CLOUD_METADATA);
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of(UNSPECIFIED);
        }
        if (address.isLoopbackAddress()) {
            return Optional.of(LOOPBACK);
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of(LINK_LOCAL);
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of(PRIVATE);
        }
        if (address.isMulticastAddress()) {
            return Optional.of(MULTICAST);
        }
        return b.length == 4 ? ofV4(b) : ofV6(b);
    }

    private static Optional<AddressKind> ofV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 100 && second >= 64 && second < 128) {
            return Optional.of(SHARED);
        }
        if (first == 0 || first >= 240) {
            return Optional.of(RESERVED);
        }
        if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
            return Optional.of(PROTOCOL_ASSIGNMENT);
        }
        if (first == 198 && (second == 18 || second == 19)) {
            return Optional.of(BENCHMARKING);
        }
        return Optional.empty();
    }

    private static Optional<AddressKind> ofV6(byte[] b) {
        if ((b[0] & 0xfe) == 0xfc) {
            return Optional.of(UNIQUE_LOCAL);
        }
        return Optional.empty();
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

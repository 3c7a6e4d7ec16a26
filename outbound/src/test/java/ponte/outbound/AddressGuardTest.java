package ponte.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import ponte.core.Invalid;

/** The SSRF guard: which addresses it refuses, and that the address connected to is the address checked. */
class AddressGuardTest {
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "::1", "10.0.0.1", "172.31.255.255", "192.168.0.1", "169.254.169.254",
            "169.254.1.1", "100.64.0.1", "100.127.255.254", "100.100.100.200", "192.0.0.192", "0.0.0.0", "0.1.2.3", "::",
            "fd00:ec2::254", "fc00::1", "fe80::1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "64:ff9b::a00:1", "224.0.0.1",
            "255.255.255.255", "198.18.0.1"})
    void refusesAddressesOnPrivateNetworksAndMetadataServices(String address) throws Exception {
        assertThat(AddressKind.of(InetAddress.getByName(address))).as(address).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.1", "172.32.0.1", "2001:4860:4860::8888",
            "2606:4700:4700::1111"})
    void allowsPublicAddresses(String address) throws Exception {
        assertThat(AddressKind.of(InetAddress.getByName(address))).as(address).isEmpty();
    }

    @Test
    void aHostnameIsJudgedByEveryAddressItResolvesTo() {
        AddressGuard guard = new AddressGuard(false, host -> new InetAddress[] {
                InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.0.0.7")});
        assertThatThrownBy(() -> guard.urls("push to").check("https://hooks.partner.example/ponte"))
                .isInstanceOf(Invalid.class).hasMessageContaining("10.0.0.7").hasMessageContaining("private");
    }

    @Test
    void aHostThatRebindsToAPrivateAddressAfterTheCheckIsRefusedWhenConnecting() throws Exception {
        AtomicReference<String> answer = new AtomicReference<>("93.184.215.14");
        AddressGuard guard = new AddressGuard(false, host -> new InetAddress[] {InetAddress.getByName(answer.get())});
        assertThatCode(() -> guard.urls("push to").check("https://rebinding.example/hook")).doesNotThrowAnyException();
        assertThat(connectTo(guard, "rebinding.example")).containsExactly(new InetSocketAddress(InetAddress.getByName("93.184.215.14"), 443));

        answer.set("169.254.169.254");
        assertThatThrownBy(() -> connectTo(guard, "rebinding.example"))
                .hasCauseInstanceOf(UnknownHostException.class).hasMessageContaining("cloud metadata");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "10.0.0.1", "172.16.0.5", "192.168.1.10", "100.64.0.1", "fd12:3456::1", "::ffff:10.0.0.1"})
    void allowingPrivateEndpointsOpensLoopbackAndThePrivateRangesAtBothChecks(String address) throws Exception {
        AddressGuard closed = new AddressGuard(false, host -> new InetAddress[] {InetAddress.getByName(address)});
        AddressGuard open = new AddressGuard(true, host -> new InetAddress[] {InetAddress.getByName(address)});
        assertThatThrownBy(() -> closed.urls("push to").check("http://receiver.lan:9000/hook")).isInstanceOf(Invalid.class)
                .hasMessageContaining("--allow-private-endpoints");
        assertThatCode(() -> open.urls("push to").check("http://receiver.lan:9000/hook")).doesNotThrowAnyException();
        assertThat(connectTo(open, "receiver.lan")).containsExactly(new InetSocketAddress(InetAddress.getByName(address), 443));
    }

    @ParameterizedTest
    @ValueSource(strings = {"169.254.169.254", "fd00:ec2::254", "100.100.100.200", "192.0.0.192", "::ffff:169.254.169.254",
            "64:ff9b::a9fe:a9fe", "169.254.0.1", "169.254.10.20", "fe80::1", "0.0.0.0", "::", "0.1.2.3", "224.0.0.1",
            "239.255.255.250", "ff02::1", "255.255.255.255", "240.0.0.1"})
    void metadataLinkLocalUnspecifiedMulticastAndReservedAddressesAreRefusedEvenWhenPrivateEndpointsAreAllowed(String address) {
        AddressGuard open = new AddressGuard(true, host -> new InetAddress[] {InetAddress.getByName(address)});
        assertThatThrownBy(() -> open.urls("push to").check("http://innocent.example/hook")).as(address)
                .isInstanceOf(Invalid.class).hasMessageContaining("whatever its settings").hasMessageNotContaining("--allow-private-endpoints");
        assertThatThrownBy(() -> connectTo(open, "innocent.example")).as(address).hasCauseInstanceOf(AddressGuard.Refused.class);
    }

    @Test
    void theMetadataServiceIsRefusedByNameWhateverTheNameResolvesTo() {
        // A resolver elsewhere may answer a metadata name with an address in a private range, which the switch opens.
        AddressGuard open = new AddressGuard(true, host -> new InetAddress[] {InetAddress.getByName("10.0.0.254")});
        for (String url : List.of("http://metadata.google.internal/computeMetadata/v1/", "http://METADATA.google.internal./",
                "http://metadata.goog/")) {
            assertThatThrownBy(() -> open.urls("fetch from").check(url)).as(url).isInstanceOf(Invalid.class).hasMessageContaining("cloud metadata");
        }
        assertThatThrownBy(() -> connectTo(open, "metadata.google.internal")).hasCauseInstanceOf(AddressGuard.Refused.class)
                .hasMessageContaining("cloud metadata");
    }

    @Test
    void aNameResolvingToTheMetadataAddressIsRefusedWhenConnectingEvenWithPrivateEndpointsAllowed() {
        AddressGuard open = new AddressGuard(true, host -> new InetAddress[] {InetAddress.getByName("169.254.169.254")});
        assertThatThrownBy(() -> connectTo(open, "metadata.internal.example")).hasCauseInstanceOf(AddressGuard.Refused.class)
                .hasMessageContaining("169.254.169.254, a cloud metadata address");
    }

    @Test
    void schemesOtherThanHttpAndHttpsAreRefusedEvenWhenPrivateAddressesAreAllowed() {
        AddressGuard guard = new AddressGuard(true);
        for (String url : List.of("ftp://127.0.0.1/", "file:///etc/passwd", "jar:http://127.0.0.1/x!/", "http:///nohost", "http://u:p@127.0.0.1/")) {
            assertThatThrownBy(() -> guard.urls("push to").check(url)).as(url).isInstanceOf(Invalid.class);
        }
    }

    @Test
    void aRefusalSaysWhatPonteWouldHaveDoneAndHowToAllowIt() {
        AddressGuard guard = new AddressGuard(false);
        assertThatThrownBy(() -> guard.urls("fetch from").check("http://127.0.0.1:5432/"))
                .isInstanceOf(Invalid.class)
                .hasMessage("127.0.0.1 resolves to 127.0.0.1, a loopback address: Ponte does not fetch from private networks"
                        + " (a server started with --allow-private-endpoints does)");
    }

    @Test
    void aTrustedAddressPassesOnlyOnItsOwnPort() throws Exception {
        AddressGuard guard = new AddressGuard(false).trusting(new InetSocketAddress(InetAddress.getLoopbackAddress(), 8081));
        assertThatCode(() -> guard.urls("fetch from").check("http://127.0.0.1:8081/feed")).doesNotThrowAnyException();
        assertThat(connectTo(guard, "127.0.0.1", 8081)).hasSize(1);
        assertThatThrownBy(() -> guard.urls("fetch from").check("http://127.0.0.1:8082/feed")).hasMessageContaining("loopback");
        assertThatThrownBy(() -> connectTo(guard, "127.0.0.1", 8082)).hasCauseInstanceOf(AddressGuard.Refused.class);
    }

    @Test
    void theGuardedClientNeverConnectsToARefusedAddressWhateverItsSettings() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer neighbour = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        neighbour.createContext("/", exchange -> {
            received.add(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        neighbour.start();
        // Settings that try to resolve names another way do not replace the guard.
        HttpClient client = new AddressGuard(false).client("test-guarded", c -> c.setSocketAddressResolver(new SocketAddressResolver.Sync()));
        try {
            assertThatThrownBy(() -> client.GET("http://127.0.0.1:" + neighbour.getAddress().getPort() + "/admin"))
                    .hasRootCauseInstanceOf(AddressGuard.Refused.class).hasRootCauseMessage(
                            "127.0.0.1 resolves to 127.0.0.1, a loopback address: refused by the SSRF guard");
            assertThat(received).isEmpty();
        } finally {
            client.stop();
            neighbour.stop(0);
        }
    }

    private static List<InetSocketAddress> connectTo(AddressGuard guard, String host) throws Exception {
        return connectTo(guard, host, 443);
    }

    private static List<InetSocketAddress> connectTo(AddressGuard guard, String host, int port) throws Exception {
        CompletableFuture<List<InetSocketAddress>> result = new CompletableFuture<>();
        guard.resolver().resolve(host, port, Map.of(), Promise.from(result::complete, result::completeExceptionally));
        return result.get();
    }
}

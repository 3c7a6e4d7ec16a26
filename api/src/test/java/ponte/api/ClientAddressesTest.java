package ponte.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Whose address a request is recorded under: the connection's peer, unless that peer is a trusted proxy, and then the
 * nearest address X-Forwarded-For names that is not a trusted proxy. Real requests to a real server on loopback.
 */
class ClientAddressesTest {
    /** Answers the address the API took the caller to be calling from. */
    private static final Resource WHO_AM_I = routes -> routes.add("GET", "/whoami",
            x -> x.json(200, JsonNodeFactory.instance.objectNode().put("address", x.caller().address().orElse(null))));

    private static String addressSeen(ClientAddresses addresses, String forwardedFor) throws Exception {
        try (TestApi api = new TestApi(addresses, WHO_AM_I)) {
            var request = api.request("/whoami").header("Authorization", "Bearer " + TestApi.OPERATOR_KEY);
            if (forwardedFor != null) {
                request.header("X-Forwarded-For", forwardedFor);
            }
            var response = api.send(request.GET());
            assertThat(response.statusCode()).isEqualTo(200);
            return TestApi.json(response).get("address").asString();
        }
    }

    @Test
    void withoutTrustedProxiesTheConnectionsPeerIsTheClientWhateverTheHeaderSays() throws Exception {
        assertThat(addressSeen(ClientAddresses.DIRECT, null)).isEqualTo("127.0.0.1");
        assertThat(addressSeen(ClientAddresses.DIRECT, "203.0.113.9")).isEqualTo("127.0.0.1");
    }

    @Test
    void behindATrustedProxyTheAddressItWasAskedByIsTheClient() throws Exception {
        assertThat(addressSeen(new ClientAddresses(List.of("127.0.0.1")), "203.0.113.9")).isEqualTo("203.0.113.9");
    }

    @Test
    void addressesTheClientWroteItselfBeforeTheProxiesAreNotBelieved() throws Exception {
        ClientAddresses proxies = new ClientAddresses(List.of("127.0.0.0/8", "10.0.0.0/8"));

        // The client sent "198.51.100.1" itself; the edge proxy 10.1.2.3 was asked by 203.0.113.9.
        assertThat(addressSeen(proxies, "198.51.100.1, 203.0.113.9, 10.1.2.3")).isEqualTo("203.0.113.9");
    }

    @Test
    void aHeaderOfTrustedProxiesOnlyNamesTheFirstAndGarbageStopsAtTheProxyThatPassedItOn() throws Exception {
        ClientAddresses proxies = new ClientAddresses(List.of("127.0.0.1", "10.0.0.0/8"));

        assertThat(addressSeen(proxies, "10.0.0.7, 10.0.0.8")).isEqualTo("10.0.0.7");
        assertThat(addressSeen(proxies, "evil.example.org")).isEqualTo("127.0.0.1");
        assertThat(addressSeen(proxies, "10.0.0.7, <script>")).isEqualTo("127.0.0.1");
    }

    @Test
    void portsAndBracketsAreNotPartOfTheAddress() throws Exception {
        ClientAddresses proxy = new ClientAddresses(List.of("127.0.0.1"));

        assertThat(addressSeen(proxy, "[2001:db8::1]:4711")).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(addressSeen(proxy, "203.0.113.9:80")).isEqualTo("203.0.113.9");
        assertThat(addressSeen(proxy, "2001:db8::2")).isEqualTo("2001:db8:0:0:0:0:0:2");
    }

    @Test
    void proxiesAreNamedByAddressNeverByHostName() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.example.org"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("proxy.example.org");
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/abc"))).isInstanceOf(IllegalArgumentException.class);
    }
}

package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.app.Networks.aNetwork;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import ponte.delivery.DeliverySettings;
import ponte.outbound.AddressGuard;

/**
 * A node started without --allow-private-endpoints refuses webhook urls that reach private networks, with a clear 422;
 * one started with it accepts loopback and the private ranges, and still refuses the cloud metadata service and the
 * addresses no receiver has (link-local, unspecified, multicast), for webhooks and ingest sources alike.
 */
class SsrfGuardTest {
    @TempDir
    static Path dataDir;

    static TestNode node;
    static String partner;
    /** Started with --allow-private-endpoints, on a DNS where Google's metadata name resolves as it does on Google Cloud. */
    static TestNode open;
    static Networks.Keys openKeys;

    @BeforeAll
    static void start() throws Exception {
        node = new TestNode(dataDir, Clock.systemUTC(), DeliverySettings.defaults());
        partner = aNetwork(node).partner("partner", "DE").build().partner("partner");
        AddressGuard.Dns googleCloud = host -> host.equals("metadata.google.internal")
                ? new InetAddress[] {InetAddress.getByName("169.254.169.254")} : InetAddress.getAllByName(host);
        open = new TestNode(dataDir.resolve("open"), Clock.systemUTC(), new AddressGuard(true, googleCloud));
        openKeys = aNetwork(open).agency("agency", "IT").withProducts("wire").partner("partner", "DE").build();
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
        open.close();
    }

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1:8080/hook, loopback",
            "http://localhost/hook, loopback",
            "http://[::1]/hook, loopback",
            "http://[::ffff:127.0.0.1]/hook, loopback",
            "http://10.1.2.3/hook, private",
            "http://192.168.1.10/hook, private",
            "http://172.16.0.5/hook, private",
            "http://100.64.0.1/hook, carrier-grade NAT",
            "http://[fd12:3456::1]/hook, unique local",
    })
    void privateAddressesAreRefused(String url, String kind) {
        TestNode.Answer a = node.post("/v1/endpoints", partner, "{\"url\":\"" + url + "\"}");
        assertThat(a.status()).as(a.raw().body()).isEqualTo(422);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/url");
        assertThat(a.json().get("detail").asString()).contains(kind).contains("--allow-private-endpoints");
    }

    @Test
    void publicAddressesAreAcceptedAndAChangeToAPrivateOneIsRefused() {
        TestNode.Answer a = node.post("/v1/endpoints", partner, "{\"url\":\"https://93.184.215.14/hooks/ponte\"}");
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
        String id = a.json().get("id").asString();
        TestNode.Answer change = node.patch("/v1/endpoints/" + id, partner, "{\"url\":\"http://169.254.169.254/\"}");
        assertThat(change.status()).isEqualTo(422);
        assertThat(node.get("/v1/endpoints/" + id, partner).json().get("url").asString()).isEqualTo("https://93.184.215.14/hooks/ponte");
    }

    @ParameterizedTest
    @CsvSource({
            "http://169.254.169.254/latest/meta-data/, cloud metadata",
            "http://[fd00:ec2::254]/latest/meta-data/, cloud metadata",
            "http://100.100.100.200/latest/meta-data/, cloud metadata",
            "http://metadata.google.internal/computeMetadata/v1/, cloud metadata",
            "http://[::ffff:169.254.169.254]/latest/meta-data/, cloud metadata",
            "http://169.254.10.1/hook, link-local",
            "http://[fe80::1]/hook, link-local",
            "http://0.0.0.0/hook, unspecified",
            "http://[::]/hook, unspecified",
            "http://224.0.0.1/hook, multicast",
    })
    void theMetadataServiceAndAddressesNoReceiverHasAreRefusedWithOrWithoutPrivateEndpoints(String url, String kind) {
        assertRefused(node.post("/v1/endpoints", partner, "{\"url\":\"" + url + "\"}"), kind);
        assertRefused(open.post("/v1/endpoints", openKeys.partner("partner"), "{\"url\":\"" + url + "\"}"), kind);
        assertRefused(open.post("/v1/ingest/sources", openKeys.editor("agency"),
                "{\"url\":\"" + url + "\",\"format\":\"atom\",\"intervalSeconds\":3600,\"products\":[\"wire\"]}"), kind);
        assertThat(open.get("/v1/endpoints", openKeys.partner("partner")).raw().body()).doesNotContain(url);
        assertThat(open.get("/v1/ingest/sources", openKeys.editor("agency")).raw().body()).doesNotContain(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9/hook", "http://[::1]:9/hook", "http://10.1.2.3/hook", "http://192.168.1.10/hook",
            "http://172.16.0.5/hook", "http://100.64.0.1/hook"})
    void withPrivateEndpointsAllowedLoopbackAndThePrivateRangesAreAccepted(String url) {
        TestNode.Answer a = open.post("/v1/endpoints", openKeys.partner("partner"), "{\"url\":\"" + url + "\"}");
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
        open.delete("/v1/endpoints/" + a.json().get("id").asString(), openKeys.partner("partner"), "");
    }

    private static void assertRefused(TestNode.Answer a, String kind) {
        assertThat(a.status()).as(a.raw().body()).isEqualTo(422);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/url");
        assertThat(a.json().get("detail").asString()).contains(kind).contains("whatever its settings")
                .doesNotContain("--allow-private-endpoints");
    }

    @Test
    void onlyHttpAndHttpsWithoutCredentialsAreAccepted() {
        for (String url : new String[] {"ftp://93.184.215.14/x", "file:///etc/passwd", "gopher://93.184.215.14/", "https://user:pw@93.184.215.14/", "/relative"}) {
            assertThat(node.post("/v1/endpoints", partner, "{\"url\":\"" + url + "\"}").status()).as(url).isEqualTo(422);
        }
    }
}

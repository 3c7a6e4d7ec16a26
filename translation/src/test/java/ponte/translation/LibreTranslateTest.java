package ponte.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ponte.core.Invalid;
import ponte.core.translation.MachineTranslation;
import ponte.outbound.AddressGuard;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The LibreTranslate adapter against a local server speaking LibreTranslate's documented API (LibreTranslate itself is
 * not installable here): {@code POST /translate} and {@code GET /languages}, an api_key required, 400 with an error.
 */
class LibreTranslateTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/translate", this::translate);
        server.createContext("/languages", x -> answer(x, 200, "[{\"code\":\"en\",\"name\":\"English\",\"targets\":[\"en\",\"es\",\"it\"]},"
                + "{\"code\":\"it\",\"name\":\"Italian\",\"targets\":[\"en\",\"it\"]}]"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void translate(HttpExchange x) throws IOException {
        JsonNode body = JSON.readTree(x.getRequestBody().readAllBytes());
        requests.add(body);
        if (!"secret".equals(body.path("api_key").asString(""))) {
            answer(x, 403, "{\"error\":\"Invalid API key\"}");
        } else if (body.path("target").asString("").equals("ko")) {
            answer(x, 400, "{\"error\":\"ko is not supported\"}");
        } else {
            String q = body.path("q").asString("");
            answer(x, 200, JSON.createObjectNode().put("translatedText", q.replace("The opening ceremony", "La cerimonia di apertura")).toString());
        }
    }

    private static void answer(HttpExchange x, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    private LibreTranslate client(Optional<String> key) {
        AddressGuard guard = new AddressGuard(false).trusting(server.getAddress());
        return new LibreTranslate(guard, URI.create("http://127.0.0.1:" + server.getAddress().getPort()), key, Duration.ofSeconds(5));
    }

    @Test
    void translatesThroughTheDocumentedApiWithTheOperatorsKey() throws Exception {
        try (LibreTranslate mt = client(Optional.of("secret"))) {
            assertThat(mt.translate("The opening ceremony is tonight.", false, "en", "it")).isEqualTo("La cerimonia di apertura is tonight.");
            assertThat(requests.getFirst().toString())
                    .isEqualTo("{\"q\":\"The opening ceremony is tonight.\",\"source\":\"en\",\"target\":\"it\",\"format\":\"text\",\"api_key\":\"secret\"}");
            assertThat(mt.translates("en", "it")).isTrue();
            assertThat(mt.translates("it", "es")).isFalse();
            assertThat(mt.engine().digitalSourceType()).isEqualTo(MachineTranslation.Engine.TRAINED_ALGORITHMIC);
        }
    }

    @Test
    void aRefusedPairIsInvalidAndAWrongKeyIsUnavailable() throws Exception {
        try (LibreTranslate mt = client(Optional.of("secret"))) {
            assertThatThrownBy(() -> mt.translate("Hello", false, "en", "ko")).isInstanceOf(Invalid.class).hasMessageContaining("ko is not supported");
        }
        try (LibreTranslate mt = client(Optional.of("wrong"))) {
            assertThatThrownBy(() -> mt.translate("Hello", false, "en", "it")).isInstanceOf(MachineTranslation.Unavailable.class)
                    .hasMessageContaining("403");
        }
    }

    @Test
    void theServerIsReachedOnlyThroughTheSsrfGuard() {
        AddressGuard refusing = new AddressGuard(false);
        try (LibreTranslate mt = new LibreTranslate(refusing, URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Optional.empty(),
                Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> mt.translate("Hello", false, "en", "it")).isInstanceOf(MachineTranslation.Unavailable.class);
            assertThat(requests).isEmpty();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

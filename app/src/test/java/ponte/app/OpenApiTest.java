package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.api.HttpApi;
import tools.jackson.databind.JsonNode;

/** The API is documented where API.md promises: /openapi.json and /docs, every route the node registers. */
class OpenApiTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    /** The docs page's own script: part of the documentation, not an operation of the API. */
    private static final HttpApi.Route DOCS_SCRIPT = new HttpApi.Route("GET", "/docs/redoc.standalone.js");

    @TempDir
    static Path dataDir;
    static TestNode node;

    @BeforeAll
    static void start() throws Exception {
        node = new TestNode(dataDir);
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    @Test
    void everyRegisteredRouteIsDocumentedAndEveryDocumentedOperationIsRegistered() {
        TestNode.Answer spec = node.get("/openapi.json", null);
        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.json().get("openapi").asString()).startsWith("3.1");
        JsonNode paths = spec.json().get("paths");
        List<HttpApi.Route> registered = node.handle().routes();
        List<HttpApi.Route> management = node.handle().managementRoutes();
        assertThat(registered).contains(new HttpApi.Route("GET", "/v1/feed"), new HttpApi.Route("POST", "/v1/items"), DOCS_SCRIPT);
        for (HttpApi.Route route : registered) {
            if (!route.equals(DOCS_SCRIPT)) {
                assertThat(paths.path(route.template()).path(route.method().toLowerCase(Locale.ROOT)).isObject())
                        .as("%s %s is documented in openapi.json", route.method(), route.template()).isTrue();
            }
        }
        for (HttpApi.Route route : management) {
            assertThat(paths.path(route.template()).path(route.method().toLowerCase(Locale.ROOT)).isObject())
                    .as("%s %s (management port) is documented in openapi.json", route.method(), route.template()).isTrue();
        }
        List<HttpApi.Route> documented = new ArrayList<>();
        List<HttpApi.Route> documentedOnManagement = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().properties().stream().filter(op -> METHODS.contains(op.getKey()))
                .forEach(op -> (onManagementPort(path.getValue()) ? documentedOnManagement : documented)
                        .add(new HttpApi.Route(op.getKey().toUpperCase(Locale.ROOT), path.getKey()))));
        assertThat(registered).as("documented operations the node answers").containsAll(documented);
        assertThat(management).as("operations documented on the management port").containsAll(documentedOnManagement);
        assertThat(registered).as("operations documented on the management port only").doesNotContainAnyElementsOf(documentedOnManagement);
        assertThat(documentedOnManagement).containsExactly(new HttpApi.Route("GET", "/metrics"));
    }

    /** A path item whose own {@code servers} name the management port (OpenAPI 3.1 lets a path override the document's). */
    private static boolean onManagementPort(JsonNode pathItem) {
        return pathItem.path("servers").path(0).path("url").asString("").endsWith(":8081");
    }

    /** Idempotency-Key is a parameter of every POST, and every operation but the probes may answer 429. */
    @Test
    void everyPostTakesAnIdempotencyKeyAndEveryLimitedOperationDocumentsTooManyRequests() {
        JsonNode spec = node.get("/openapi.json", null).json();
        spec.get("paths").properties().forEach(path -> path.getValue().properties().stream().filter(op -> METHODS.contains(op.getKey())).forEach(op -> {
            String operation = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            if (op.getKey().equals("post")) {
                assertThat(op.getValue().path("parameters").valueStream().map(p -> p.path("$ref").asString("")))
                        .as("%s takes an Idempotency-Key", operation).contains("#/components/parameters/IdempotencyKey");
            }
            if (!Set.of("/health", "/ready", "/metrics").contains(path.getKey())) {
                assertThat(op.getValue().path("responses").path("429").path("$ref").asString(""))
                        .as("%s documents 429", operation).isEqualTo("#/components/responses/TooManyRequests");
            }
        }));
    }

    @Test
    void everyFormatAndPushBodyIsDocumentedAndTheDocsPageServesOffline() {
        JsonNode spec = node.get("/openapi.json", null).json();
        JsonNode paths = spec.get("paths");
        // Every format the feed and items speak is documented, with conditional requests.
        for (String path : List.of("/v1/feed", "/v1/items/{id}")) {
            JsonNode get = paths.path(path).path("get");
            assertThat(get.path("responses").path("200").path("content").has("application/atom+xml")).as(path).isTrue();
            assertThat(get.path("responses").path("200").path("content").has("application/rss+xml")).as(path).isTrue();
            assertThat(get.path("responses").has("304")).as(path).isTrue();
            assertThat(get.path("responses").has("406")).as(path).isTrue();
        }
        // The requests Ponte sends are documented too, a body for every push format.
        JsonNode pushed = spec.path("webhooks").path("item").path("post").path("requestBody").path("content");
        for (String type : List.of("application/json", "application/vnd.iptc.g2.newsitem+xml", "application/vnd.iptc.g2.packageitem+xml")) {
            assertThat(pushed.has(type)).as("webhook body " + type).isTrue();
        }
        TestNode.Answer docs = node.get("/docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.raw().body()).contains("/openapi.json").contains("/docs/redoc.standalone.js").doesNotContain("https://cdn");
        assertThat(node.get("/docs/redoc.standalone.js", null).status()).isEqualTo(200);
        assertThat(node.get("/health", null).json().get("status").asString()).isEqualTo("ok");
    }
}

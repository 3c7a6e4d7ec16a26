package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The API is documented where API.md promises: /openapi.json and /docs, every path and operation. */
class OpenApiTest {
    @TempDir
    Path dataDir;

    @Test
    void everyRouteIsDocumentedAndTheDocsPageServesOffline() throws Exception {
        try (TestNode node = new TestNode(dataDir)) {
            TestNode.Answer spec = node.get("/openapi.json", null);
            assertThat(spec.status()).isEqualTo(200);
            assertThat(spec.json().get("openapi").asString()).startsWith("3.1");
            JsonNode paths = spec.json().get("paths");
            List<String[]> routes = List.of(
                    new String[] {"/health", "get"}, new String[] {"/v1/orgs", "post"}, new String[] {"/v1/orgs/{org}", "get"},
                    new String[] {"/v1/orgs/{org}/keys", "post"}, new String[] {"/v1/orgs/{org}/outlets", "post"},
                    new String[] {"/v1/products", "post"}, new String[] {"/v1/licences", "post"}, new String[] {"/v1/items", "post"},
                    new String[] {"/v1/items/{id}", "get"}, new String[] {"/v1/items/{id}", "put"}, new String[] {"/v1/items/{id}", "delete"},
                    new String[] {"/v1/feed", "get"}, new String[] {"/v1/items/{id}/explain", "get"},
                    new String[] {"/v1/agreements", "post"}, new String[] {"/v1/agreements", "get"}, new String[] {"/v1/agreements/{id}", "get"},
                    new String[] {"/v1/agreements/{id}", "put"}, new String[] {"/v1/agreements/{id}/versions", "get"},
                    new String[] {"/v1/agreements/{id}/approve", "post"}, new String[] {"/v1/agreements/{id}/renew", "post"},
                    new String[] {"/v1/agreements/{id}/suspend", "post"}, new String[] {"/v1/agreements/{id}/resume", "post"},
                    new String[] {"/v1/endpoints", "post"}, new String[] {"/v1/endpoints", "get"}, new String[] {"/v1/endpoints/{id}", "get"},
                    new String[] {"/v1/endpoints/{id}", "patch"}, new String[] {"/v1/endpoints/{id}", "delete"},
                    new String[] {"/v1/endpoints/{id}/rotate-secret", "post"}, new String[] {"/v1/endpoints/{id}/deliveries", "get"},
                    new String[] {"/v1/endpoints/{id}/dead-letters", "get"}, new String[] {"/v1/endpoints/{id}/dead-letters/resend", "post"},
                    new String[] {"/v1/endpoints/{id}/dead-letters/{entry}/resend", "post"}, new String[] {"/v1/endpoints/{id}/replay", "post"},
                    new String[] {"/v1/stream", "get"},
                    new String[] {"/v1/ingest/sources", "post"}, new String[] {"/v1/ingest/sources", "get"},
                    new String[] {"/v1/ingest/sources/{id}", "get"}, new String[] {"/v1/ingest/sources/{id}", "patch"},
                    new String[] {"/v1/ingest/sources/{id}", "delete"}, new String[] {"/v1/ingest/sources/{id}/poll", "post"},
                    new String[] {"/v1/ingest/files", "post"},
                    new String[] {"/v1/search", "get"}, new String[] {"/v1/items/{id}/translations", "get"});
            for (String[] route : routes) {
                assertThat(paths.path(route[0]).path(route[1]).isObject()).as(route[1] + " " + route[0]).isTrue();
            }
            // Every format the feed and items speak is documented, with conditional requests.
            for (String path : List.of("/v1/feed", "/v1/items/{id}")) {
                JsonNode get = paths.path(path).path("get");
                assertThat(get.path("responses").path("200").path("content").has("application/atom+xml")).as(path).isTrue();
                assertThat(get.path("responses").path("200").path("content").has("application/rss+xml")).as(path).isTrue();
                assertThat(get.path("responses").has("304")).as(path).isTrue();
                assertThat(get.path("responses").has("406")).as(path).isTrue();
            }
            // The requests Ponte sends are documented too, a body for every push format.
            JsonNode pushed = spec.json().path("webhooks").path("item").path("post").path("requestBody").path("content");
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
}

package ponte.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import ponte.formats.NinjsWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A real Ponte node on embedded H2 and a random port, with a tiny HTTP client for tests. */
final class TestNode implements AutoCloseable {
    static final String ADMIN = "test-admin-key";

    record Answer(int status, HttpResponse<String> raw, JsonNode json) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse("");
        }

        String contentType() {
            return header("content-type");
        }
    }

    private final Node node;
    /** The client address requests name in X-Forwarded-For, as a proxy in front of the node would; none if null. */
    private volatile String forwardedFor;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String base;
    /** The management port's base URL: /metrics, /health and /ready for operators. */
    final String management;

    TestNode(Path dataDir) throws Exception {
        this(dataDir, Clock.systemUTC());
    }

    TestNode(Path dataDir, Clock clock) throws Exception {
        this(TestDatabase.settingsFor(dataDir, ADMIN), clock);
    }

    TestNode(Settings settings, Clock clock) throws Exception {
        this(new Node(settings, clock));
    }

    TestNode(Settings settings, Clock clock, ponte.delivery.DeliverySettings delivery) throws Exception {
        this(new Node(settings, clock, delivery));
    }

    TestNode(Path dataDir, Clock clock, ponte.delivery.DeliverySettings delivery) throws Exception {
        this(new Node(TestDatabase.settingsFor(dataDir, ADMIN), clock, delivery));
    }

    /** A node whose webhooks and ingest go through this SSRF guard (a DNS of the test's own, a trusted local server). */
    TestNode(Path dataDir, Clock clock, ponte.outbound.AddressGuard guard) throws Exception {
        this(new Node(TestDatabase.settingsFor(dataDir, ADMIN), clock, ponte.delivery.DeliverySettings.defaults(), guard));
    }

    /** A node with these delivery settings whose webhooks and ingest go through this SSRF guard. */
    TestNode(Path dataDir, Clock clock, ponte.delivery.DeliverySettings delivery, ponte.outbound.AddressGuard guard) throws Exception {
        this(new Node(TestDatabase.settingsFor(dataDir, ADMIN), clock, delivery, guard));
    }

    private TestNode(Node node) throws Exception {
        this.node = node.start();
        base = "http://127.0.0.1:" + node.port();
        management = "http://127.0.0.1:" + node.managementPort();
    }

    /** The node running in this process, for what a test asks of it directly rather than over HTTP. */
    Node handle() {
        return node;
    }

    Answer get(String path, String key) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), key);
    }

    /** A GET on the management port (no key: operators' paths take none). */
    Answer management(String path) {
        return send(HttpRequest.newBuilder(URI.create(management + path)).GET(), null);
    }

    /** A GET asking for a representation by Accept (the feed and items come in five formats). */
    Answer get(String path, String key, String accept) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().header("Accept", accept), key);
    }

    Answer post(String path, String key, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"), key);
    }

    /** A POST with more headers, as name, value, name, value… (an Idempotency-Key, say). */
    Answer post(String path, String key, String body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").headers(headers), key);
    }

    /**
     * A request with a body of bytes and its type (a media upload); no Content-Type header when {@code type} is null.
     * Sent with Expect: 100-continue, as uploaders send files: a refusal before the body is read (413, 503) then never
     * races the body still being sent.
     */
    Answer send(String method, String path, String key, String type, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .expectContinue(true);
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (type != null) {
            request.header("Content-Type", type);
        }
        return send(request, key);
    }

    /** A GET whose answer is bytes (a rendition), with more headers as name, value… */
    HttpResponse<byte[]> bytes(String path, String key, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer put(String path, String key, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).PUT(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"), key);
    }

    Answer patch(String path, String key, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).method("PATCH", HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"), key);
    }

    Answer delete(String path, String key, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).method("DELETE", HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"), key);
    }

    /**
     * From now on, requests say they come from {@code clientAddress} (X-Forwarded-For), as if a proxy in front of the
     * node passed them on; a node that trusts this machine as its proxy believes it. Null stops it.
     */
    void forwardFor(String clientAddress) {
        forwardedFor = clientAddress;
    }

    private Answer send(HttpRequest.Builder request, String key) {
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        String forwarded = forwardedFor;
        if (forwarded != null) {
            request.header("X-Forwarded-For", forwarded);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            String type = response.headers().firstValue("content-type").orElse("");
            if (type.contains("json") && !type.contains("ndjson") && !response.body().isEmpty()) { // a stream of lines is no one document
                json = NinjsWriter.mapper().readTree(response.body());
            }
            return new Answer(response.statusCode(), response, json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every entry of the caller's feed, in feed order, paged through to its end. */
    java.util.List<JsonNode> wholeFeed(String key) {
        java.util.List<JsonNode> out = new java.util.ArrayList<>();
        String after = "";
        while (true) {
            JsonNode page = get("/v1/feed?limit=500" + after, key).json();
            page.get("entries").forEach(out::add);
            if (page.get("entries").isEmpty()) {
                return out;
            }
            after = "&after=" + page.get("next").asString();
        }
    }

    // --- a small vocabulary for arranging a network ---

    /** The keys of the two sides of {@link #newsLicence}. */
    record Licensed(String editor, String partner) {}

    /**
     * The network most delivery tests start from: agency (IT) licenses its product "news" to partner (here, in
     * {@code partnerCountry}); returns the agency editor's and the partner's keys.
     */
    Licensed newsLicence(String partnerCountry) {
        org("agency", "IT");
        org("partner", partnerCountry);
        Licensed keys = new Licensed(key("agency", "editor"), key("partner", "partner"));
        product(keys.editor(), "news");
        licence(keys.editor(), "partner", "news");
        return keys;
    }

    String org(String id, String country) {
        Answer a = post("/v1/orgs", ADMIN, "{\"id\":\"" + id + "\",\"name\":\"" + id + " Org\",\"kind\":\"agency\",\"country\":\"" + country + "\"}");
        if (a.status() != 201) {
            throw new IllegalStateException("org: " + a.status() + " " + a.raw().body());
        }
        return id;
    }

    String key(String org, String role) {
        Answer a = post("/v1/orgs/" + org + "/keys", ADMIN, "{\"role\":\"" + role + "\"}");
        if (a.status() != 201) {
            throw new IllegalStateException("key: " + a.status() + " " + a.raw().body());
        }
        return a.json().get("key").asString();
    }

    void product(String editorKey, String id) {
        Answer a = post("/v1/products", editorKey, "{\"id\":\"" + id + "\",\"name\":\"" + id + "\"}");
        if (a.status() != 201) {
            throw new IllegalStateException("product: " + a.status() + " " + a.raw().body());
        }
    }

    void licence(String editorKey, String licensee, String product) {
        Answer a = post("/v1/licences", editorKey, "{\"licensee\":\"" + licensee + "\",\"products\":[\"" + product + "\"]}");
        if (a.status() != 201) {
            throw new IllegalStateException("licence: " + a.status() + " " + a.raw().body());
        }
    }

    /** Publishes a ninjs document in one product; returns the receipt (id, uri, cursor). */
    JsonNode publish(String editorKey, JsonNode ninjs, String product) {
        Answer a = post("/v1/items", editorKey, publishBody(ninjs, product));
        if (a.status() != 201) {
            throw new IllegalStateException("publish: " + a.status() + " " + a.raw().body());
        }
        return a.json();
    }

    /** A webhook endpoint as created: its id, and its signing secret (shown only then). */
    record Hook(String id, String secret) {}

    /** Creates a webhook endpoint of the key's org in this format, with a filter (as JSON) or none (null). */
    Hook endpoint(String partnerKey, String url, String format, String filter) {
        Answer a = post("/v1/endpoints", partnerKey, "{\"url\":\"" + url + "\",\"format\":\"" + format + "\""
                + (filter == null ? "" : ",\"filter\":" + filter) + "}");
        if (a.status() != 201) {
            throw new IllegalStateException("endpoint: " + a.status() + " " + a.raw().body());
        }
        return new Hook(a.json().get("id").asString(), a.json().get("secret").asString());
    }

    static ObjectNode ninjs(String language, String headline) {
        ObjectNode n = NinjsWriter.mapper().createObjectNode();
        n.put("type", "text");
        n.put("language", language);
        n.putArray("headlines").addObject().put("role", "main").put("value", headline);
        n.putArray("bodies").addObject().put("role", "text").put("contentType", "text/plain").put("value", headline + ". Full text follows.");
        return n;
    }

    static String publishBody(JsonNode ninjs, String product) {
        ObjectNode body = NinjsWriter.mapper().createObjectNode();
        body.set("ninjs", ninjs);
        body.putArray("products").add(product);
        return body.toString();
    }

    static String reviseBody(JsonNode ninjs, String signal) {
        ObjectNode body = NinjsWriter.mapper().createObjectNode();
        body.set("ninjs", ninjs);
        body.put("signal", signal);
        return body.toString();
    }

    @Override
    public void close() throws Exception {
        // The client's idle keep-alive connections go first: a stopping Jetty otherwise gives each a second of grace
        // (its shutdown idle timeout) before it closes them, a second every test's node paid at its end.
        http.close();
        node.close();
    }
}

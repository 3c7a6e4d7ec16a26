package ponte.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import ponte.formats.AtomFeeds;
import ponte.formats.NinjsWriter;
import ponte.delivery.DeliverySettings;
import ponte.outbound.AddressGuard;
import tools.jackson.databind.JsonNode;

/**
 * Requests made from the OpenAPI document's own schemas, for every documented operation, against a real node over
 * real HTTP with the keys of a small network (three orgs, their admins, editors and partners, and the operator).
 * Valid requests, and requests at the edges the document allows, never get a 5xx. Requests that break the document
 * (an unknown member, a wrong type, a value out of range, a required member missing, a malformed body, a bad query
 * parameter or path segment, a method the path lacks, no key) are always a 4xx. Every 4xx is an
 * application/problem+json, and a request that is not answered 2xx changes nothing the node stores. Each try sends
 * one request per operation; the two properties send over 10,000 requests in all.
 */
class DocumentedRequestsProperties {
    private static final String HOOKS = "hooks.example";

    static Path dataDir;
    static HttpServer receiver;
    static TestNode node;
    static RawHttp http;
    static StoredState state;
    static String digest;
    static final KnownIds known = new KnownIds();
    static List<ApiDocument.Operation> operations;
    static DocumentedRequests requests;
    static Mutations mutations;
    static final AtomicInteger sent = new AtomicInteger();
    /** Answers by operation and status class ("POST /v1/items 2xx"), printed at the end: what the run reached. */
    static final Map<String, AtomicInteger> tally = new java.util.concurrent.ConcurrentSkipListMap<>();

    @BeforeContainer
    static void start() throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // else every answer stalls 40 ms (LIBRARIES.md)
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        // Webhooks and sources may only reach the receiver, by a name of its own; no other name resolves, nothing leaves the machine.
        AddressGuard guard = new AddressGuard(false, host -> {
            if (host.equals(HOOKS)) {
                return new InetAddress[] {InetAddress.getLoopbackAddress()};
            }
            throw new UnknownHostException(host);
        }).trusting(receiver.getAddress());
        dataDir = Files.createTempDirectory("ponte-documented-requests");
        // Streams the test leaves behind end at their next heartbeat: soon, so the node stops within its stop timeout.
        DeliverySettings delivery = DeliverySettings.defaults().withHeartbeat(Duration.ofMillis(500));
        node = new TestNode(dataDir, Clock.systemUTC(), delivery, guard);
        Networks.Keys keys = Networks.aNetwork(node)
                .agency("ag-a", "IT").withKey("admin").withKey("partner").withProducts("a-news", "a-video").licensedTo("bc-p", "a-news")
                .agency("ag-b", "CN").withKey("admin").withProducts("b-news")
                .partner("bc-p", "KR").withKey("admin")
                .build();
        List.of("ag-a", "ag-b", "bc-p").forEach(org -> known.add("org", org));
        List.of("a-news", "a-video", "b-news").forEach(product -> known.add("product", product));
        List<String> pool = List.of(TestNode.ADMIN, keys.key("ag-a", "admin"), keys.editor("ag-a"), keys.partner("ag-a"), keys.key("ag-b", "admin"),
                keys.editor("ag-b"), keys.key("bc-p", "admin"), keys.partner("bc-p"));
        arrange(keys);
        ApiDocument document = ApiDocument.load();
        operations = document.operations();
        SchemaValues values = new SchemaValues(document, DocumentedRequestsProperties::hint);
        requests = new DocumentedRequests(values, known, pool, Map.of(
                "application/atom+xml", List.of(AtomFeeds.atom(AtomFeeds.entry("urn:ansa:1", "Primo", "2026-05-01T10:00:00Z")).getBytes(UTF_8), "<feed".getBytes(UTF_8)),
                "application/rss+xml", List.of("<rss version=\"2.0\"><channel><title>t</title></channel></rss>".getBytes(UTF_8), new byte[] {(byte) 0xff}),
                "application/vnd.iptc.g2.newsitem+xml", List.of("<newsItem/>".getBytes(UTF_8)),
                "application/json", List.of(TestNode.ninjs("it", "Documento").toString().getBytes(UTF_8), "{}".getBytes(UTF_8),
                        TestNode.ninjs("it", "NUL \u0000 e \ud800").toString().getBytes(UTF_8))));
        mutations = new Mutations(values, operations);
        http = new RawHttp("127.0.0.1", Integer.parseInt(node.base.substring(node.base.lastIndexOf(':') + 1)));
        state = new StoredState(node.handle().dataSource());
        digest = state.digest();
    }

    /** Something of every kind for requests to name: an agreement in draft, items, an endpoint, a paused source. */
    private static void arrange(Networks.Keys keys) {
        TestNode.Answer agreement = node.post("/v1/agreements", keys.editor("ag-a"), """
                {"id": "a-with-b", "title": "Exchange", "parties": ["ag-a", "ag-b"],
                 "grants": [{"licensor": "ag-a", "licensee": "ag-b", "products": ["a-news"]}]}""");
        assertThat(agreement.status()).as(agreement.raw().body()).isEqualTo(201);
        known.add("agreement", "a-with-b");
        TestNode.Answer project = node.post("/v1/coproductions", keys.editor("ag-a"), """
                {"id": "a-and-b", "title": "Joint special", "agreement": "a-with-b", "framework": "coe-2017-bilateral",
                 "parties": [{"org": "ag-a", "function": "lead", "share": 50}, {"org": "ag-b", "function": "co-producer", "share": 50}]}""");
        assertThat(project.status()).as(project.raw().body()).isEqualTo(201);
        known.add("coproduction", "a-and-b");
        for (String headline : List.of("Prima notizia", "Seconda notizia")) {
            JsonNode receipt = node.publish(keys.editor("ag-a"), TestNode.ninjs("it", headline), "a-news");
            known.add("item", receipt.get("id").asString());
            known.add("cursor", receipt.get("cursor").asString());
        }
        known.add("endpoint", node.endpoint(keys.partner("bc-p"), hook(1), "ninjs", null).id());
        TestNode.Answer source = node.post("/v1/ingest/sources", keys.editor("ag-a"),
                "{\"url\": \"" + hook(2) + "\", \"format\": \"atom\", \"intervalSeconds\": 86400, \"products\": [\"a-news\"]}");
        assertThat(source.status()).as(source.raw().body()).isEqualTo(201);
        known.add("source", source.json().get("id").asString());
    }

    private static String hook(int n) {
        return "http://" + HOOKS + ":" + receiver.getAddress().getPort() + "/hook/" + n;
    }

    /** Values the network offers for a member or parameter of this name. */
    private static Optional<Arbitrary<String>> hint(String name) {
        return switch (name) {
            case "url" -> Optional.of(Arbitraries.integers().between(1, 50).map(DocumentedRequestsProperties::hook));
            case "language", "lang" -> Optional.of(Arbitraries.of("it", "en", "zh-Hans", "ko", "zh", "en-GB"));
            case "products" -> Optional.of(known.any("product")); // ?products= of a file import: a list of one
            case "from" -> Optional.of(Arbitraries.oneOf(known.any("cursor"), SchemaValues.instants().map(Instant::toString)));
            case "json:ninjs" -> Optional.of(Combinators.combine(Arbitraries.of("it", "en", "zh-Hans", "ko"),
                    Arbitraries.strings().ofMinLength(1).ofMaxLength(80).filter(h -> !h.isBlank()))
                    .as((language, headline) -> TestNode.ninjs(language, headline).toString()));
            default -> KnownIds.kindOf(name).map(known::any);
        };
    }

    @AfterContainer
    static void stop() throws Exception {
        System.out.println("DocumentedRequestsProperties: " + sent.get() + " requests sent; answers by operation:");
        tally.forEach((what, n) -> System.out.println("  " + what + ": " + n));
        http.close();
        node.close();
        receiver.stop(0);
    }

    @Property(tries = 110, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void documentedRequestsAndEdgesAreNeverAServerError(@ForAll("documented") List<Call> calls) throws Exception {
        for (Call call : calls) {
            judge(call);
        }
    }

    @Property(tries = 110, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void requestsThatBreakTheDocumentAreRefusedAndChangeNothing(@ForAll("broken") List<Call> calls) throws Exception {
        for (Call call : calls) {
            judge(call);
        }
    }

    @Provide
    Arbitrary<List<Call>> documented() {
        List<Arbitrary<Call>> each = new ArrayList<>();
        for (ApiDocument.Operation op : operations) {
            var drafts = requests.draft(op);
            each.add(Arbitraries.frequencyOf(Tuple.of(2, drafts.map(d -> d.call(false, "as documented"))), Tuple.of(1, mutations.edgy(drafts))));
        }
        return Combinators.combine(each).as(List::copyOf);
    }

    @Provide
    Arbitrary<List<Call>> broken() {
        List<Arbitrary<Call>> each = new ArrayList<>();
        for (ApiDocument.Operation op : operations) {
            each.add(mutations.refused(requests.draft(op)));
        }
        return Combinators.combine(each).as(List::copyOf);
    }

    /** Sends the call and holds its answer to the rules; learns what a 2xx created, for later requests to name. */
    private static void judge(Call call) throws IOException {
        RawHttp.Answer answer = http.send(call);
        sent.incrementAndGet();
        tally.computeIfAbsent(call.operation() + " " + answer.status() / 100 + "xx" + (call.refused() ? " refused" : ""), k -> new AtomicInteger()).incrementAndGet();
        String seen = call + "\n  answered " + answer.status() + " " + answer.contentType() + " " + shorten(answer.text());
        assertThat(answer.status()).as("no server error for %s", seen).isLessThan(500);
        if (answer.status() >= 400) {
            assertThat(answer.contentType()).as("a problem for %s", seen).startsWith("application/problem+json");
            JsonNode problem = problem(answer, seen);
            assertThat(problem.path("status").asInt()).as(seen).isEqualTo(answer.status());
            assertThat(problem.path("title").asString("")).as(seen).isNotBlank();
        }
        if (call.refused()) {
            assertThat(answer.status()).as("refused: %s", seen).isBetween(400, 499);
        }
        if (answer.status() >= 200 && answer.status() < 300) {
            learn(call, answer);
            settle();
            digest = state.digest();
        } else {
            assertThat(state.digest()).as("nothing changed by %s", seen).isEqualTo(digest);
        }
    }

    /** Waits until the node has appended what the request set in motion: releases it booked for now. */
    private static void settle() {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5))
                .until(() -> !state.releaseDue(Instant.now()) && node.handle().logQueueDepth() == 0);
    }

    private static void learn(Call call, RawHttp.Answer answer) {
        if (!answer.contentType().contains("json") || answer.contentType().contains("ndjson") || answer.body().length == 0) {
            return;
        }
        JsonNode body = NinjsWriter.mapper().readTree(answer.body());
        String path = call.target().split("\\?")[0];
        Optional.ofNullable(body.get("cursor")).filter(JsonNode::isString).ifPresent(c -> known.add("cursor", c.asString()));
        if (answer.status() != 201 || !body.path("id").isString()) {
            return;
        }
        String id = body.get("id").asString();
        switch (path) {
            case "/v1/orgs" -> known.add("org", id);
            case "/v1/products" -> known.add("product", id);
            case "/v1/agreements", "/v1/licences" -> known.add("agreement", id);
            case "/v1/coproductions" -> known.add("coproduction", id);
            case "/v1/translation-tasks" -> known.add("translation-task", id);
            case "/v1/items" -> known.add("item", id);
            case "/v1/endpoints" -> known.add("endpoint", id);
            case "/v1/ingest/sources" -> known.add("source", id);
            default -> { }
        }
    }

    private static JsonNode problem(RawHttp.Answer answer, String seen) {
        try {
            return NinjsWriter.mapper().readTree(answer.body());
        } catch (tools.jackson.core.JacksonException e) {
            throw new AssertionError("a problem that is not JSON for " + seen, e);
        }
    }

    private static String shorten(String text) {
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }
}

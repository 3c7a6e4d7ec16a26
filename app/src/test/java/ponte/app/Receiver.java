package ponte.app;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import ponte.formats.NinjsWriter;
import tools.jackson.databind.JsonNode;

/**
 * A real webhook receiver on a random loopback port: records every request per path and answers as each path is
 * told to (200 by default; any status; or stall until released). Signatures are checked with the Standard Webhooks
 * reference library, not with Ponte's own signer.
 */
final class Receiver implements AutoCloseable {
    static {
        // The JDK's server otherwise delays small responses by 40 ms (Nagle + delayed ACK: measured on our machines).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** One request as it arrived; headers by lower-case name (first value). */
    record Hit(String path, String id, String timestamp, String signature, Map<String, String> headers, String body, Instant at, int answered) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        JsonNode json() {
            return NinjsWriter.mapper().readTree(body);
        }

        String entry() {
            return json().get("data").get("cursor").asString();
        }

        String type() {
            return json().get("type").asString();
        }

        String headline() {
            return json().get("data").get("item").get("headlines").get(0).get("value").asString();
        }

        /** Verifies with the reference library; throws if the signature does not hold for this secret. */
        void verify(String secret) throws Exception {
            new Webhook(secret).verify(body, Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(timestamp),
                    "webhook-signature", List.of(signature)));
        }
    }

    private final HttpServer server;
    private final Map<String, List<Hit>> hits = new ConcurrentHashMap<>();
    private final List<Hit> all = new CopyOnWriteArrayList<>();
    private final Map<String, ToIntFunction<Hit>> answers = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> stalls = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final Map<String, Integer> bodySizes = new ConcurrentHashMap<>();
    private final Map<String, String> cookies = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> arrivals = new ConcurrentHashMap<>();

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void answer(String path, ToIntFunction<Hit> status) {
        answers.put(path, status);
    }

    void answer(String path, int status) {
        answer(path, h -> status);
    }

    /** Answers 302 with a Location on this receiver. */
    void redirect(String path, String to) {
        redirects.put(path, url(to));
        answer(path, 302);
    }

    /** Answers with this Set-Cookie header (a receiver trying to follow Ponte's requests across endpoints). */
    void setCookie(String path, String cookie) {
        cookies.put(path, cookie);
    }

    /** Answers with a body of this many bytes. */
    void bodySize(String path, int bytes) {
        bodySizes.put(path, bytes);
    }

    /** Requests to the path hang until {@link #release} (or 60 s). */
    void stall(String path) {
        stalls.put(path, new CountDownLatch(1));
    }

    void release(String path) {
        CountDownLatch latch = stalls.remove(path);
        if (latch != null) {
            latch.countDown();
        }
    }

    List<Hit> hits(String path) {
        return new ArrayList<>(hits.getOrDefault(path, List.of()));
    }

    List<Hit> all() {
        return new ArrayList<>(all);
    }

    /** How many requests have arrived at the path, answered or not: a stalled request counts from its arrival. */
    int arrived(String path) {
        return arrivals.getOrDefault(path, new AtomicInteger()).get();
    }

    /** Only the requests answered 2xx. */
    List<Hit> delivered(String path) {
        return hits(path).stream().filter(h -> h.answered() / 100 == 2).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var headers = exchange.getRequestHeaders();
        Map<String, String> named = new HashMap<>();
        headers.forEach((name, values) -> named.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
        Hit unanswered = new Hit(path, headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"), headers.getFirst("webhook-signature"),
                Map.copyOf(named), body, Instant.now(), 0);
        arrivals.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        CountDownLatch stall = stalls.get(path);
        if (stall != null) {
            try {
                stall.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int status = answers.getOrDefault(path, h -> 200).applyAsInt(unanswered);
        Hit hit = new Hit(unanswered.path(), unanswered.id(), unanswered.timestamp(), unanswered.signature(), unanswered.headers(), body,
                unanswered.at(), status);
        hits.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(hit);
        all.add(hit);
        byte[] reply = bodySizes.containsKey(path) ? new byte[bodySizes.get(path)] : "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
        if (redirects.containsKey(path)) {
            exchange.getResponseHeaders().add("Location", redirects.get(path));
        }
        if (cookies.containsKey(path)) {
            exchange.getResponseHeaders().add("Set-Cookie", cookies.get(path));
        }
        exchange.sendResponseHeaders(status, reply.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
        } catch (IOException senderStoppedReading) {
            // expected when the sender reads only the start of a large answer
        }
    }

    @Override
    public void close() {
        stalls.values().forEach(CountDownLatch::countDown);
        server.stop(0);
    }
}

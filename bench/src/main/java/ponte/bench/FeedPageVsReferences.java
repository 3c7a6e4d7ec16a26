package ponte.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One partner's feed page of 50 items (ninjs 3.1, ~50 KB) served by Ponte, with authentication and the entitlement
 * gate on, against two references serving the very same bytes on loopback in the same run: nginx (Debian's
 * nginx-light, a static file) and a minimal Jetty 12 core handler answering from memory. The same wrk command drives
 * all three, for a 200 and for the 304 path (If-None-Match with each server's own ETag).
 *
 * <p>Usage: {@code FeedPageVsReferences} with -Dbench.items (2000), -Dbench.seconds (10), -Dbench.warmup (5),
 * -Dbench.rounds (2), -Dbench.connections (64), -Dbench.threads (2), -Dbench.results (directory for the table).
 */
public final class FeedPageVsReferences {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PAGE = 50;
    // A short wire story: with Ponte's licence terms (ODRL rightsInfo and usageTerms) each item renders to ~1 KB.
    private static final String BODY = "Il consiglio comunale ha approvato il bilancio dopo una lunga seduta notturna.";

    private FeedPageVsReferences() {}

    record Target(String name, int port, String path, String etag) {}

    record Result(String target, String path, double rps, double p50ms, double p99ms, long errors, long bytes) {}

    public static void main(String[] args) throws Exception {
        int items = Integer.getInteger("bench.items", 2000);
        int seconds = Integer.getInteger("bench.seconds", 10);
        int warmup = Integer.getInteger("bench.warmup", 5);
        int rounds = Integer.getInteger("bench.rounds", 2);
        int connections = Integer.getInteger("bench.connections", 64);
        int threads = Integer.getInteger("bench.threads", 2);
        Path results = Path.of(System.getProperty("bench.results", "bench/target/results"));
        Files.createDirectories(results);
        Path nginxDir = Files.createTempDirectory("ponte-bench-nginx-");
        try (Node node = Node.start()) {
            preload(node, items);
            String after = cursorBefore(node, items - 2 * PAGE);
            String feedPath = "/v1/feed?after=" + after + "&limit=" + PAGE;
            HttpResponse<byte[]> page = node.client.get(feedPath, node.partnerKey());
            byte[] bytes = page.body();
            String ponteTag = page.headers().firstValue("ETag").orElseThrow();
            int entries = JSON.readTree(bytes).get("entries").size();
            System.out.printf("page: %d entries, %d bytes, ETag %s%n", entries, bytes.length, ponteTag);
            if (entries != PAGE) {
                throw new IllegalStateException("expected a full page of " + PAGE + " entries, got " + entries);
            }
            try (MemoryServer jetty = new MemoryServer(bytes, page.headers().firstValue("Link").orElseThrow(), ponteTag);
                 Nginx nginx = Nginx.start(nginxDir, bytes)) {
                List<Target> targets = List.of(
                        new Target("nginx", nginx.port, "/v1/feed", nginx.etag()),
                        new Target("jetty-handler", jetty.port(), "/v1/feed", ponteTag),
                        new Target("ponte", node.ponte.port(), feedPath, ponteTag));
                for (Target t : targets) { // every server must answer the same bytes before anything is measured
                    byte[] got = new Client(t.port()).get(t.path(), node.partnerKey()).body();
                    if (!java.util.Arrays.equals(got, bytes)) {
                        throw new IllegalStateException(t.name() + " does not serve the same bytes");
                    }
                }
                List<Result> all = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    for (boolean notModified : new boolean[] {false, true}) {
                        for (Target t : targets) {
                            if (!System.getProperty("bench.only", t.name()).equals(t.name())
                                    || !System.getProperty("bench.path", notModified ? "304" : "200").equals(notModified ? "304" : "200")) {
                                continue; // -Dbench.only=ponte: for profiling one server
                            }
                            wrk(t, node.partnerKey(), notModified, threads, connections, warmup);
                            Result r = wrk(t, node.partnerKey(), notModified, threads, connections, seconds);
                            System.out.printf("round %d  %-14s %-4s %,10.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d%n",
                                    round, t.name(), notModified ? "304" : "200", r.rps(), r.p50ms(), r.p99ms(), r.errors());
                            all.add(r);
                        }
                    }
                }
                String table = table(all, bytes.length, threads, connections, seconds, rounds);
                System.out.println(table);
                Files.writeString(results.resolve("feed-page-vs-references.md"), table);
            }
        } finally {
            Node.deleteTree(nginxDir);
        }
    }

    /** wrk with the partner's key on every request (the references ignore it), and If-None-Match for the 304 path. */
    static Result wrk(Target t, String key, boolean notModified, int threads, int connections, int seconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency",
                "-H", "Authorization: Bearer " + key));
        if (notModified) {
            command.addAll(List.of("-H", "If-None-Match: " + t.etag()));
        }
        command.add("http://127.0.0.1:" + t.port() + t.path());
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        return new Result(t.name(), notModified ? "304" : "200", number(out, "Requests/sec:\\s+([0-9.]+)"),
                millis(out, "50%"), millis(out, "99%"), errors(out), 0);
    }

    private static double number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in wrk's output:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    /** A latency percentile line of wrk --latency: "99%   12.34ms" (or us / s). */
    private static double millis(String out, String percentile) {
        Matcher m = Pattern.compile("^\\s*" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE).matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + percentile + " in wrk's output:\n" + out);
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }

    private static long errors(String out) {
        long errors = 0;
        Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses:\\s+([0-9]+)").matcher(out);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = Pattern.compile("Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)").matcher(out);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        return errors;
    }

    /**
     * Ratios are taken within each round (the three servers measured back to back), then the median over rounds: on a
     * shared machine the neighbours' load moves between rounds far more than between neighbouring measurements.
     */
    private static String table(List<Result> all, int bytes, int threads, int connections, int seconds, int rounds) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Page: %d entries, %,d bytes of ninjs 3.1. wrk -t%d -c%d, %d s per measurement after a warm-up; "
                + "%d rounds of nginx, Jetty handler, Ponte in turn.%n%n", PAGE, bytes, threads, connections, seconds, rounds));
        out.append("| round | path | nginx req/s | Jetty req/s | Ponte req/s | nginx p99 ms | Jetty p99 ms | Ponte p99 ms | **Ponte ÷ Jetty req/s** | **Ponte p99 ÷ nginx p99** |\n"
                + "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String path : List.of("200", "304")) {
            List<Double> rps = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                Result nginx = at(all, "nginx", path, round);
                Result jetty = at(all, "jetty-handler", path, round);
                Result ponte = at(all, "ponte", path, round);
                if (nginx == null || jetty == null || ponte == null) {
                    continue;
                }
                rps.add(ponte.rps() / jetty.rps());
                p99.add(ponte.p99ms() / nginx.p99ms());
                out.append(String.format(Locale.ROOT, "| %d | %s | %,.0f | %,.0f | %,.0f | %.2f | %.2f | %.2f | %.2f | %.2f |%n", round + 1, path,
                        nginx.rps(), jetty.rps(), ponte.rps(), nginx.p99ms(), jetty.p99ms(), ponte.p99ms(), rps.getLast(), p99.getLast()));
            }
            if (!rps.isEmpty()) {
                out.append(String.format(Locale.ROOT, "| median | %s | | | | | | | **%.2f** | **%.2f** |%n", path, median(rps), median(p99)));
            }
        }
        return out.toString();
    }

    private static Result at(List<Result> all, String server, String path, int round) {
        List<Result> mine = all.stream().filter(r -> r.target().equals(server) && r.path().equals(path)).toList();
        return round < mine.size() ? mine.get(round) : null;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void preload(Node node, int items) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<Thread> editors = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            editors.add(Thread.ofVirtual().start(() -> {
                for (int n = next.getAndIncrement(); n < items; n = next.getAndIncrement()) {
                    String ninjs = "{\"type\":\"text\",\"language\":\"it\",\"headlines\":[{\"role\":\"main\",\"value\":\"Bilancio approvato, " + n
                            + "\"}],\"bodies\":[{\"role\":\"text\",\"contentType\":\"text/plain\",\"value\":\"" + BODY + "\"}]}";
                    try {
                        node.client.post("/v1/items", node.editorKey(), "{\"ninjs\":" + ninjs + ",\"products\":[\"" + Node.PRODUCT + "\"]}");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }));
        }
        for (Thread t : editors) {
            t.join();
        }
        System.out.printf("preloaded %d items%n", items);
    }

    /** The cursor of the entry at this position of the partner's feed. */
    private static String cursorBefore(Node node, int position) throws Exception {
        String after = "";
        int seen = 0;
        while (true) {
            JsonNode page = JSON.readTree(node.client.get("/v1/feed?limit=500" + (after.isEmpty() ? "" : "&after=" + after), node.partnerKey()).body());
            for (JsonNode e : page.get("entries")) {
                if (seen++ == position) {
                    return e.get("cursor").asString();
                }
            }
            if (page.get("entries").isEmpty()) {
                throw new IllegalStateException("the feed has only " + seen + " entries");
            }
            after = page.get("next").asString();
        }
    }

    /** The reference: a Jetty 12 core handler, set up as Ponte's server is, answering the page from memory. */
    static final class MemoryServer implements AutoCloseable {
        private final Server server;
        private final ServerConnector connector;

        MemoryServer(byte[] body, String link, String etag) throws Exception {
            QueuedThreadPool threads = new QueuedThreadPool();
            threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server = new Server(threads);
            connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.addConnector(connector);
            server.setHandler(new Handler.Abstract() {
                @Override
                public boolean handle(Request request, Response response, Callback callback) {
                    response.getHeaders().put(HttpHeader.ETAG, etag);
                    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "private, no-cache");
                    response.getHeaders().put(HttpHeader.VARY, "Accept, Authorization");
                    response.getHeaders().put("Link", link);
                    if (etag.equals(request.getHeaders().get(HttpHeader.IF_NONE_MATCH))) {
                        response.setStatus(304);
                        callback.succeeded();
                        return true;
                    }
                    response.setStatus(200);
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
                    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
                    response.write(true, ByteBuffer.wrap(body), callback);
                    return true;
                }
            });
            server.start();
        }

        int port() {
            return connector.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            server.stop();
        }
    }

    /** Debian's nginx-light on a free loopback port with a temporary config, serving the page as a static file. */
    static final class Nginx implements AutoCloseable {
        final int port;
        private final Process process;

        private Nginx(int port, Process process) {
            this.port = port;
            this.process = process;
        }

        static Nginx start(Path dir, byte[] page) throws Exception {
            Files.write(dir.resolve("page.json"), page);
            // nginx's workers drop root for an unprivileged user, who must be able to read the page.
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(dir.resolve("page.json"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            int port;
            try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            Files.writeString(dir.resolve("nginx.conf"), """
                    worker_processes 2;
                    daemon off;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log warn;
                    events { worker_connections 1024; }
                    http {
                        access_log off;
                        sendfile on;
                        tcp_nopush on;
                        keepalive_requests 1000000;
                        client_body_temp_path %1$s/body;
                        proxy_temp_path %1$s/proxy;
                        server {
                            listen 127.0.0.1:%2$d;
                            location = /v1/feed {
                                default_type "application/json;charset=utf-8";
                                alias %1$s/page.json;
                                add_header Cache-Control "private, no-cache";
                                add_header Vary "Accept, Authorization";
                            }
                        }
                    }
                    """.formatted(dir.toAbsolutePath(), port));
            Process process = new ProcessBuilder("nginx", "-p", dir.toAbsolutePath().toString(), "-c", dir.resolve("nginx.conf").toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
            Nginx nginx = new Nginx(port, process);
            for (int i = 0; i < 100; i++) {
                try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                    return nginx;
                } catch (IOException notYet) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("nginx did not start: " + Files.readString(dir.resolve("stdout.log")) + Files.readString(dir.resolve("error.log")));
                    }
                    Thread.sleep(50);
                }
            }
            throw new IllegalStateException("nginx did not listen on " + port);
        }

        /** nginx's own ETag for the file (from its mtime and size), for the 304 path. */
        String etag() throws Exception {
            var http = java.net.http.HttpClient.newHttpClient();
            var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/v1/feed")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            return response.headers().firstValue("ETag").orElseThrow(() -> new IllegalStateException("nginx sent no ETag"));
        }

        @Override
        public void close() throws Exception {
            process.destroy(); // SIGTERM: nginx's fast shutdown; it was started by this harness and only it is stopped
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}

package ponte.bench;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import ponte.api.ApiSettings;
import ponte.api.RateLimit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One partner's feed page of 50 items (ninjs 3.1, ~50 KB) served by Ponte, with authentication and the entitlement
 * gate on, against two references serving the very same bytes on loopback in the same run: nginx (Debian's
 * nginx-light, a static file) and a minimal Jetty 12 core handler answering from memory. The same wrk command drives
 * all three, for a 200 and for the 304 path (If-None-Match with each server's own ETag). A second node, the same but
 * with rate limits on (set so high that no request is refused), measures what the limits cost each request.
 *
 * <p>Usage: {@code FeedPageVsReferences} with -Dbench.items (2000), -Dbench.seconds (10), -Dbench.warmup (5),
 * -Dbench.rounds (2), -Dbench.connections (64), -Dbench.threads (2), -Dbench.results (directory for the table),
 * -Dbench.sentences (1: a page of ~79 KB; 16: ~141 KB),
 * -Dbench.limits=off (neither node with rate limits: an A/A run), -Dbench.limited=first (the node started first has them).
 */
public final class FeedPageVsReferences {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PAGE = 50;
    // A short wire story: with Ponte's licence terms (ODRL rightsInfo and usageTerms) each item renders to ~1 KB.
    private static final String SENTENCE = "Il consiglio comunale ha approvato il bilancio dopo una lunga seduta notturna.";
    // -Dbench.sentences=N: a longer story (N sentences of ~80 bytes); 16 make the ~141 KB page of the figures.
    private static final String BODY = (SENTENCE + " ").repeat(Integer.getInteger("bench.sentences", 1)).strip();

    /** The node whose rate limits are on: every request takes a token and answers the RateLimit fields, none is refused. */
    private static final String LIMITS_ON = "ponte-limits-on";
    private static final RateLimit NEVER_REACHED = new RateLimit(1_000_000_000L, 1_000_000_000L);
    private static final ApiSettings LIMITS_NEVER_REACHED = ApiSettings.defaults().withRateLimits(Optional.of(NEVER_REACHED), Optional.of(NEVER_REACHED));

    private FeedPageVsReferences() {}

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
        // -Dbench.limits=off: both nodes without limits, an A/A run that shows what two like nodes differ by.
        // -Dbench.limited=first: the node started first has the limits (default: the second), to cancel out what the
        // order of starting might give either node.
        boolean limitsOn = !"off".equals(System.getProperty("bench.limits"));
        boolean firstLimited = "first".equals(System.getProperty("bench.limited"));
        ApiSettings on = limitsOn ? LIMITS_NEVER_REACHED : Node.WITHOUT_RATE_LIMITS;
        try (Node first = firstLimited ? Node.start(on) : Node.start(); Node second = firstLimited ? Node.start() : Node.start(on)) {
            Node node = firstLimited ? second : first;
            Node limited = firstLimited ? first : second;
            Served page = serve(node, items);
            Served limitedPage = serve(limited, items);
            if (limitsOn == limitedPage.page().headers().firstValue("RateLimit").isEmpty()) {
                throw new IllegalStateException("the limited node's answers do not say whether its rate limits are on");
            }
            try (LoopbackJetty jetty = new LoopbackJetty(new OnePage(page.bytes(), page.page().headers().firstValue("Link").orElseThrow(), page.etag()));
                 Nginx nginx = Nginx.start(nginxDir, page.bytes())) {
                List<Wrk.Target> references = List.of(
                        new Wrk.Target("nginx", nginx.port, "/v1/feed", nginx.etag()),
                        new Wrk.Target("jetty-handler", jetty.port(), "/v1/feed", page.etag()));
                Wrk.Target ponte = new Wrk.Target("ponte", node.ponte.port(), page.path(), page.etag());
                Wrk.Target ponteLimited = new Wrk.Target(LIMITS_ON, limited.ponte.port(), limitedPage.path(), limitedPage.etag());
                for (Wrk.Target t : List.of(references.get(0), references.get(1), ponte)) { // the same bytes before anything is measured
                    byte[] got = new Client(t.port()).get(t.path(), node.partnerKey()).body();
                    if (!Arrays.equals(got, page.bytes())) {
                        throw new IllegalStateException(t.name() + " does not serve the same bytes");
                    }
                }
                List<Wrk.Result> all = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    // The two Ponte nodes swap places every round, so neither always runs right after the references.
                    List<Wrk.Target> targets = new ArrayList<>(references);
                    targets.addAll(round % 2 == 1 ? List.of(ponte, ponteLimited) : List.of(ponteLimited, ponte));
                    for (boolean notModified : new boolean[] {false, true}) {
                        for (Wrk.Target t : targets) {
                            if (!List.of(System.getProperty("bench.only", t.name()).split(",")).contains(t.name())
                                    || !System.getProperty("bench.path", notModified ? "304" : "200").equals(notModified ? "304" : "200")) {
                                continue; // -Dbench.only=ponte (or jetty-handler,ponte): for profiling, or more rounds of fewer servers
                            }
                            Wrk.run(t, node.partnerKey(), notModified, threads, connections, warmup);
                            Wrk.Result r = Wrk.run(t, node.partnerKey(), notModified, threads, connections, seconds);
                            System.out.printf("round %d  %-15s %-4s %,10.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d%n",
                                    round, t.name(), notModified ? "304" : "200", r.rps(), r.p50ms(), r.p99ms(), r.errors());
                            all.add(r);
                        }
                    }
                }
                String table = table(all, page.bytes().length, threads, connections, seconds, rounds);
                System.out.println(table);
                Files.writeString(results.resolve("feed-page-vs-references.md"), table);
            }
        } finally {
            Node.deleteTree(nginxDir);
        }
    }

    /** The page a node serves: its path, bytes, ETag and the answer it came in. */
    private record Served(String path, byte[] bytes, String etag, HttpResponse<byte[]> page) {}

    private static Served serve(Node node, int items) throws Exception {
        preload(node, items);
        String after = cursorBefore(node, items - 2 * PAGE);
        String feedPath = "/v1/feed?after=" + after + "&limit=" + PAGE;
        HttpResponse<byte[]> page = node.client.get(feedPath, node.partnerKey());
        byte[] bytes = page.body();
        String tag = page.headers().firstValue("ETag").orElseThrow();
        int entries = JSON.readTree(bytes).get("entries").size();
        System.out.printf("page: %d entries, %d bytes, ETag %s%n", entries, bytes.length, tag);
        if (entries != PAGE) {
            throw new IllegalStateException("expected a full page of " + PAGE + " entries, got " + entries);
        }
        return new Served(feedPath, bytes, tag, page);
    }

    /**
     * Ratios are taken within each round (the three servers measured back to back), then the median over rounds: on a
     * shared machine the neighbours' load moves between rounds far more than between neighbouring measurements.
     */
    private static String table(List<Wrk.Result> all, int bytes, int threads, int connections, int seconds, int rounds) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Page: %d entries, %,d bytes of ninjs 3.1. wrk -t%d -c%d, %d s per measurement after a warm-up; "
                + "%d rounds of nginx, Jetty handler, then Ponte without and with rate limits (their order swapped every round).%n%n",
                PAGE, bytes, threads, connections, seconds, rounds));
        out.append("| round | path | nginx req/s | Jetty req/s | Ponte req/s | Ponte, limits on, req/s | nginx p99 ms | Jetty p99 ms | Ponte p99 ms "
                + "| limits on p99 ms | **Ponte ÷ Jetty req/s** | **limits on ÷ Jetty req/s** | limits on ÷ off req/s | **Ponte p99 ÷ nginx p99** |\n"
                + "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String path : List.of("200", "304")) {
            List<Double> rps = new ArrayList<>();
            List<Double> limitedRps = new ArrayList<>();
            List<Double> onOff = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                Wrk.Result nginx = at(all, "nginx", path, round);
                Wrk.Result jetty = at(all, "jetty-handler", path, round);
                Wrk.Result ponte = at(all, "ponte", path, round);
                Wrk.Result limited = at(all, LIMITS_ON, path, round);
                if (nginx == null || jetty == null || ponte == null || limited == null) {
                    continue;
                }
                rps.add(ponte.rps() / jetty.rps());
                limitedRps.add(limited.rps() / jetty.rps());
                onOff.add(limited.rps() / ponte.rps());
                p99.add(ponte.p99ms() / nginx.p99ms());
                out.append(String.format(Locale.ROOT, "| %d | %s | %,.0f | %,.0f | %,.0f | %,.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                        round + 1, path, nginx.rps(), jetty.rps(), ponte.rps(), limited.rps(), nginx.p99ms(), jetty.p99ms(), ponte.p99ms(),
                        limited.p99ms(), rps.getLast(), limitedRps.getLast(), onOff.getLast(), p99.getLast()));
            }
            if (!rps.isEmpty()) {
                out.append(String.format(Locale.ROOT, "| median | %s | | | | | | | | | **%.2f** | **%.2f** | %.2f | **%.2f** |%n", path, median(rps),
                        median(limitedRps), median(onOff), median(p99)));
            }
        }
        return out.toString();
    }

    private static Wrk.Result at(List<Wrk.Result> all, String server, String path, int round) {
        List<Wrk.Result> mine = all.stream().filter(r -> r.target().equals(server) && r.path().equals(path)).toList();
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

}

package ponte.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A partner reading its feed: GET /v1/feed pages of 50, each worker walking {@value #DEPTH} pages by the Link header
 * from a random start cursor, then jumping to another. The reference serves the very same page bytes from memory on
 * a minimal Jetty handler, walked by the same client code in the same order.
 *
 * <p>Usage: {@code FeedLatency [concurrency...]} (default 1 16); -Dbench.items (5000), -Dbench.warmup, -Dbench.seconds.
 */
public final class FeedLatency {
    private static final int PAGE = 50;
    private static final int DEPTH = 8;
    private static final int STARTS = 64;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FeedLatency() {}

    public static void main(String[] args) throws Exception {
        List<Integer> levels = args.length == 0 ? List.of(1, 16) : Arrays.stream(args).map(Integer::valueOf).toList();
        int items = Integer.getInteger("bench.items", 5000);
        Load.Phases phases = Load.Phases.fromSystemProperties(2, 8);
        Report report = new Report("Feed page latency: GET /v1/feed?after=…&limit=50 (partner key, " + items + " items routed)",
                "a minimal Jetty 12 core handler serving the same captured page bytes and Link header from memory, same client", "");
        try (Node node = Node.start()) {
            preload(node, items);
            List<String> cursors = allCursors(node);
            if (cursors.size() != items) {
                throw new IllegalStateException("published " + items + " items but the partner's feed holds " + cursors.size());
            }
            // Starts leave DEPTH full pages after them, so every walk reads pages of exactly PAGE entries.
            Random random = new Random(42);
            List<String> starts = random.ints(STARTS, 0, items - DEPTH * PAGE).mapToObj(cursors::get).toList();
            Map<String, CapturedPages.Page> pages = capture(node, starts);
            System.out.printf("captured %d distinct pages for the reference%n", pages.size());
            try (LoopbackJetty reference = new LoopbackJetty(new CapturedPages(pages))) {
                Client referenceClient = new Client(reference.port());
                for (int c : levels) {
                    Load.Result ref = Load.run("reference GET page", c, phases, w -> new Walk(referenceClient, node.partnerKey(), starts, new Random(w)));
                    Load.Result ponte = Load.run("ponte GET /v1/feed", c, phases, w -> new Walk(node.client, node.partnerKey(), starts, new Random(w)));
                    report.add(ponte, ref, "");
                }
            }
        }
        report.publish("feed-latency.md");
    }

    /** One worker's walk; seeded by its index, so Ponte and the reference are asked for the same pages in the same order. */
    private static final class Walk implements Load.Call {
        private final Client client;
        private final String key;
        private final List<String> starts;
        private final Random random;
        private String after;
        private int left;

        Walk(Client client, String key, List<String> starts, Random random) {
            this.client = client;
            this.key = key;
            this.starts = starts;
            this.random = random;
        }

        @Override
        public long call() throws Exception {
            if (left == 0) {
                after = starts.get(random.nextInt(starts.size()));
                left = DEPTH;
            }
            HttpResponse<byte[]> page = client.get(feed(after), key);
            after = nextFromLink(page.headers().firstValue("Link").orElseThrow(() -> new IllegalStateException("no Link header")));
            left--;
            return page.body().length;
        }
    }

    private static String feed(String after) {
        return "/v1/feed?after=" + after + "&limit=" + PAGE;
    }

    /** The cursor in {@code </v1/feed?after=CURSOR&limit=50>; rel="next"}. */
    static String nextFromLink(String link) {
        int from = link.indexOf("after=") + "after=".length();
        return link.substring(from, link.indexOf('&', from));
    }

    /** Publishes {@code items} stories with 32 concurrent editors (group commit makes this quick), showing progress. */
    private static void preload(Node node, int items) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        List<Thread> editors = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            editors.add(Thread.ofVirtual().start(() -> {
                for (int n = next.getAndIncrement(); n < items; n = next.getAndIncrement()) {
                    try {
                        node.client.post("/v1/items", node.editorKey(), Node.item("f" + n));
                    } catch (Exception e) {
                        throw new IllegalStateException("preloading item " + n + " failed", e);
                    }
                    done.incrementAndGet();
                }
            }));
        }
        long start = System.nanoTime();
        for (Thread editor : editors) {
            while (!editor.join(Duration.ofSeconds(1))) {
                System.out.printf("  preload %5d/%d items  t=%4.1fs%n", done.get(), items, (System.nanoTime() - start) / 1e9);
            }
        }
        System.out.printf("  preload %5d/%d items in %.1fs%n", done.get(), items, (System.nanoTime() - start) / 1e9);
        if (done.get() != items) {
            throw new IllegalStateException("preload stopped at " + done.get() + " of " + items + " items (see the error above)");
        }
    }

    /** Every entry cursor of the partner's feed, in feed order, read from the start. */
    private static List<String> allCursors(Node node) throws Exception {
        List<String> cursors = new ArrayList<>();
        String after = "";
        while (true) {
            JsonNode page = JSON.readTree(node.client.get(feed(after), node.partnerKey()).body());
            if (page.get("entries").isEmpty()) {
                return cursors;
            }
            page.get("entries").forEach(e -> cursors.add(e.get("cursor").asString()));
            after = page.get("next").asString();
        }
    }

    /** The pages every walk can reach, as Ponte answers them: the reference's content. */
    private static Map<String, CapturedPages.Page> capture(Node node, List<String> starts) throws Exception {
        Map<String, CapturedPages.Page> pages = new HashMap<>();
        for (String start : starts) {
            String after = start;
            for (int d = 0; d < DEPTH; d++) {
                if (!pages.containsKey(after)) {
                    HttpResponse<byte[]> page = node.client.get(feed(after), node.partnerKey());
                    pages.put(after, new CapturedPages.Page(page.body(), page.headers().firstValue("Link").orElseThrow()));
                }
                after = nextFromLink(pages.get(after).link());
            }
        }
        return pages;
    }
}

package ponte.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 18's bursts: a tracked link ({@code GET /go/{code}}, a 302 once the click is committed) and a live event's
 * heartbeat ({@code POST /go/live/{code}}, a 204 once committed) against the same node's {@code /health}, wrk on
 * loopback, rounds alternating which goes first. Each request is a different viewer (its own User-Agent, or its own
 * session among 177,000), as a crowd is. The goal: each at least 0.5x /health's requests/s with a p99 at most 3x.
 *
 * <p>Usage: {@code LiveBurst [rounds] [seconds] [connections]} (default 3 8 64), wrk -t2. An embedded node (H2) with
 * its rate limits off, as behind a proxy that limits for it.
 */
public final class LiveBurst {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        try (Node node = Node.start()) {
            String[] codes = setUp(node);
            String base = "http://127.0.0.1:" + node.ponte.port();
            Path dir = Files.createTempDirectory("ponte-live-burst-");
            Path health = script(dir, "health.lua", "request = function() return wrk.format(\"GET\", \"/health\") end");
            Path click = script(dir, "click.lua", VIEWERS + """
                    request = function()
                      n = n + 1
                      return wrk.format("GET", "/go/%s", {["User-Agent"] = "Mozilla/5.0 (Linux; Android 14) viewer " .. id .. "-" .. (n %% 88500)})
                    end""".formatted(codes[0]));
            Path beat = script(dir, "heartbeat.lua", VIEWERS + """
                    request = function()
                      n = n + 1
                      return wrk.format("POST", "/go/live/%s?session=" .. id .. "-" .. (n %% 88500))
                    end""".formatted(codes[1]));
            System.out.println("| round | /health req/s | p99 ms | /go/{code} req/s | p99 ms | ÷ health | heartbeat req/s | p99 ms | ÷ health |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            // A warm-up of each, not counted: the JIT compiles each path in the first seconds.
            for (Path s : List.of(health, click, beat)) {
                Wrk.scripted("warm-up", base, s, 2, connections, 3);
            }
            List<Double> clickRatios = new ArrayList<>();
            List<Double> beatRatios = new ArrayList<>();
            long errors = 0;
            for (int round = 1; round <= rounds; round++) {
                List<Path> order = new ArrayList<>(List.of(health, click, beat));
                Collections.rotate(order, round - 1);
                Wrk.Result h = null;
                Wrk.Result c = null;
                Wrk.Result b = null;
                for (Path s : order) {
                    Wrk.Result r = Wrk.scripted(s.getFileName().toString(), base, s, 2, connections, seconds);
                    errors += s == health ? 0 : r.errors();
                    if (s == health) {
                        h = r;
                    } else if (s == click) {
                        c = r;
                    } else {
                        b = r;
                    }
                }
                clickRatios.add(c.rps() / h.rps());
                beatRatios.add(b.rps() / h.rps());
                System.out.printf("| %d | %,.0f | %.2f | %,.0f | %.2f | %.2f (p99 %.1fx) | %,.0f | %.2f | %.2f (p99 %.1fx) |%n", round, h.rps(), h.p99ms(),
                        c.rps(), c.p99ms(), c.rps() / h.rps(), c.p99ms() / h.p99ms(), b.rps(), b.p99ms(), b.rps() / h.rps(), b.p99ms() / h.p99ms());
            }
            Collections.sort(clickRatios);
            Collections.sort(beatRatios);
            System.out.printf("%nmedian /go/{code} ÷ health: %.2f; heartbeat ÷ health: %.2f; errors (non-2xx/3xx, socket): %d%n",
                    clickRatios.get(clickRatios.size() / 2), beatRatios.get(beatRatios.size() / 2), errors);
            String event = new String(node.client.get("/v1/live-events/burst", node.editorKey()).body(), StandardCharsets.UTF_8);
            Matcher unique = Pattern.compile("\"heartbeats\":\\{\"peakConcurrent\":(\\d+),\"uniqueViewers\":(\\d+)").matcher(event);
            if (unique.find()) {
                System.out.printf("heartbeats kept: peak %s viewers in a minute, %s distinct viewers%n", unique.group(1), unique.group(2));
            }
        }
    }

    /** Each wrk thread numbers its viewers apart: 2 threads x 88,500 = 177,000 viewers. */
    private static final String VIEWERS = """
            local threads = 0
            function setup(thread) threads = threads + 1; thread:set("id", threads) end
            function init(args) n = 0 end
            """;

    private static Path script(Path dir, String name, String lua) throws Exception {
        return Files.writeString(dir.resolve(name), lua);
    }

    /** A campaign of a sponsored item on the partner's page and live channels, an offer, a live event: the link's and the heartbeat's codes. */
    private static String[] setUp(Node node) throws Exception {
        String admin = "bench-admin-key";
        String editor = node.editorKey();
        String outlet = field(node.client.post("/v1/orgs/partner/outlets", admin, "{\"name\":\"Live\",\"kind\":\"app\",\"country\":\"DE\"}"), "id");
        String agreement = field(node.client.get("/v1/agreements", editor), "id");
        String item = field(node.client.post("/v1/items", editor, "{\"ninjs\":{\"type\":\"text\",\"language\":\"it\",\"headlines\":[{\"role\":\"main\","
                + "\"value\":\"Toscana dal vivo\"}],\"infoSources\":[{\"name\":\"Agenzia\",\"role\":\"sponsor\"}],\"usageTerms\":\"Promozione.\","
                + "\"expires\":\"2040-01-01T00:00:00Z\"},\"products\":[\"" + Node.PRODUCT + "\"]}"), "id");
        node.client.post("/v1/campaigns", editor, """
                {"id": "burst", "title": "Burst", "agreement": "%s", "items": ["%s"],
                 "channels": [{"id": "page", "partner": "partner", "outlet": "%s", "kind": "page"},
                              {"id": "live", "partner": "partner", "outlet": "%s", "kind": "live"}]}""".formatted(agreement, item, outlet, outlet));
        String link = field(node.client.post("/v1/campaigns/burst/offers", editor, """
                {"id": "firenze", "item": "%s", "title": "Firenze", "price": "100.00", "currency": "EUR",
                 "bookingUrl": "https://booking.example/firenze"}""".formatted(item)), "code");
        String url = field(node.client.post("/v1/live-events", editor, """
                {"id": "burst", "campaign": "burst", "title": "Burst", "startDate": "2026-01-01T00:00:00Z", "endDate": "2030-01-01T00:00:00Z",
                 "channel": "live"}"""), "heartbeatUrl");
        return new String[] {link, URI.create(url).getPath().substring("/go/live/".length())};
    }

    private static String field(java.net.http.HttpResponse<byte[]> r, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(new String(r.body(), StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return m.group(1);
    }
}

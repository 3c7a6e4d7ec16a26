package ponte.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web UI's cost (issue 15): (1) render time of the main pages, one client, sequential requests, p50 and p95 over
 * {@code n} requests each after a warm-up; (2) the desk's first page against the same server's {@code /health}, wrk
 * with the signed-in editor's session cookie, rounds alternating which goes first.
 *
 * <p>Usage: {@code PageRender [requests per page] [rounds] [seconds]} (default 300 4 8). The node is an embedded demo
 * node with 300 more Italpress items, so the desk's first page is full (25 rows) and the portal's 50; the reach
 * dashboards are the demo's (its seeded usage).
 */
public final class PageRender {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        try (Node node = Node.start(Optional.empty(), Optional.empty(), false)) {
            node.ponte.loadDemoNetwork();
            String item = "";
            for (int i = 0; i < 300; i++) {
                String receipt = new String(node.client.post("/v1/items", "demo-italpress-editor",
                        Node.item(String.valueOf(i)).replace("\"" + Node.PRODUCT + "\"", "\"italpress-news\"")).body(), StandardCharsets.UTF_8);
                Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(receipt);
                if (id.find()) {
                    item = id.group(1);
                }
            }
            node.ponte.releaseDue();
            String base = "http://127.0.0.1:" + node.ponte.port();
            String editor = signIn(base, "italpress-editor", "demo-italpress-editor");
            String partner = signIn(base, "cctv-plus-partner", "demo-cctv-plus-partner");
            String owner = signIn(base, "cctv-plus-editor", "demo-cctv-plus-editor");
            String reporter = signIn(base, "cgtn-partner", "demo-cgtn-partner");
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("/app/desk", editor);
            pages.put("/app/desk/items/" + item, editor);
            pages.put("/app/agreements", editor);
            pages.put("/app/portal", partner);
            pages.put("/app/portal/items/" + item, partner);
            // The reach dashboard (issue 17): the whole co-production for its owner, one licensed product for a partner.
            pages.put("/app/reach?coproduction=milano-cortina-focus", owner);
            pages.put("/app/reach?product=cctv-plus-video", reporter);
            System.out.println("| page | p50 ms | p95 ms | max ms | bytes |");
            System.out.println("|---|---:|---:|---:|---:|");
            for (Map.Entry<String, String> page : pages.entrySet()) {
                List<Double> millis = new ArrayList<>();
                long bytes = 0;
                for (int i = 0; i < requests + 50; i++) {
                    long start = System.nanoTime();
                    HttpResponse<byte[]> r = HTTP.send(get(base + page.getKey(), page.getValue()), HttpResponse.BodyHandlers.ofByteArray());
                    double ms = (System.nanoTime() - start) / 1e6;
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(page.getKey() + " answered " + r.statusCode());
                    }
                    bytes = r.body().length;
                    if (i >= 50) {
                        millis.add(ms);
                    }
                }
                Collections.sort(millis);
                String shown = page.getKey().replace(item, "{id}");
                System.out.printf("| `%s` | %.2f | %.2f | %.2f | %,d |%n", shown, at(millis, 0.50), at(millis, 0.95), millis.getLast(), bytes);
            }
            System.out.println();
            System.out.println("| round | /health req/s | desk first page req/s | desk p99 ms | **desk ÷ health** |");
            System.out.println("|---:|---:|---:|---:|---:|");
            List<Double> ratios = new ArrayList<>();
            // A warm-up of each, not counted: the JIT compiles the page's path in the first seconds.
            wrk(base + "/health", Optional.empty(), 3);
            wrk(base + "/app/desk", Optional.of(editor), 3);
            for (int round = 1; round <= rounds; round++) {
                double[] health = null;
                double[] desk = null;
                for (int turn = 0; turn < 2; turn++) {
                    boolean healthTurn = (round + turn) % 2 == 0;
                    if (healthTurn) {
                        health = wrk(base + "/health", Optional.empty(), seconds);
                    } else {
                        desk = wrk(base + "/app/desk", Optional.of(editor), seconds);
                    }
                }
                double ratio = desk[0] / health[0];
                ratios.add(ratio);
                System.out.printf("| %d | %,.0f | %,.0f | %.2f | %.2f |%n", round, health[0], desk[0], desk[1], ratio);
            }
            Collections.sort(ratios);
            System.out.printf("%nmedian desk ÷ health: %.2f%n", at(ratios, 0.5));
        }
    }

    private static HttpRequest get(String url, String cookie) {
        return HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).GET().build();
    }

    /** Signs in through the form as a browser does; the session cookie ("ponte_session=…"). */
    static String signIn(String base, String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/app/sign-in")).GET().build(), HttpResponse.BodyHandlers.ofString());
        String pre = form.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("ponte_csrf=")).findFirst().orElseThrow().split(";")[0];
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String body = "_csrf=" + token.group(1) + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/app/sign-in")).header("Cookie", pre)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return signedIn.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("ponte_session=")).findFirst()
                .orElseThrow(() -> new IllegalStateException("sign-in failed: " + signedIn.statusCode())).split(";")[0];
    }

    /** wrk -t2 -c16: requests per second and p99 in ms. */
    private static double[] wrk(String url, Optional<String> cookie, int seconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c16", "-d" + seconds + "s", "--latency"));
        cookie.ifPresent(c -> command.addAll(List.of("-H", "Cookie: " + c)));
        command.add(url);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS) || wrk.exitValue() != 0 || out.contains("Non-2xx")) {
            throw new IllegalStateException("wrk failed or met errors: " + out);
        }
        Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
        Matcher p99 = Pattern.compile("^\\s*99%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE).matcher(out);
        if (!rps.find() || !p99.find()) {
            throw new IllegalStateException("unexpected wrk output: " + out);
        }
        double ms = Double.parseDouble(p99.group(1)) * switch (p99.group(2)) {
            case "us" -> 0.001;
            case "s" -> 1000;
            default -> 1;
        };
        return new double[] {Double.parseDouble(rps.group(1)), ms};
    }

    private static double at(List<Double> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}

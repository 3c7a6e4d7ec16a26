package ponte.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code ponte import FILE}: streams a file of ninjs items, one per line, to a node's {@code PUT /v1/ingest/imports/{id}}
 * and shows how it goes. The import's id is the file's digest (with the products) unless given, so running the same
 * command again after an interruption resumes: the lines the node has done are not sent again.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a file of ninjs items (one JSON object per line) into a running node, resumably.")
final class Import implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "newline-delimited ninjs items (3.x or 2.x)")
    Path file;

    @Option(names = "--url", description = "the node (env PONTE_URL; default http://127.0.0.1:8080)")
    String url;

    @Option(names = "--key", description = "an editor's API key of the org that imports (env PONTE_KEY)")
    String key;

    @Option(names = "--products", required = true, split = ",", description = "products of the org the items go into, e.g. wire,sport")
    List<String> products;

    @Option(names = "--id", description = "the import's id (default: from the file's digest and the products, so a re-run resumes)")
    String id;

    @Option(names = "--stop-on-error", description = "stop at the first line that cannot be filed (default: report it and go on)")
    boolean stopOnError;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        Configuration c = Configuration.environmentOnly();
        String base = c.get(url, "PONTE_URL", "url").orElse("http://127.0.0.1:8080").replaceAll("/+$", "");
        String bearer = c.get(key, "PONTE_KEY", "key").orElseThrow(() -> new IllegalArgumentException("give an editor's key: --key or PONTE_KEY"));
        Scan scan = scan(file, String.join(",", products));
        String importId = id != null ? id : "file-" + scan.digest();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String path = base + "/v1/ingest/imports/" + URLEncoder.encode(importId, StandardCharsets.UTF_8);
        PrintStream err = System.err;
        // A run cut a moment ago may still be ending on the node (what it had queued commits first): 409 until then.
        for (int attempt = 1; ; attempt++) {
            long done = checkpoint(http, path, bearer);
            long from = Math.min(done, scan.lines()) + 1;
            if (done > 0) {
                err.printf("import %s: resuming after line %d of %d%n", importId, done, scan.lines());
            }
            String query = "?products=" + URLEncoder.encode(String.join(",", products), StandardCharsets.UTF_8) + "&from=" + from
                    + (stopOnError ? "&onError=stop" : "");
            long offset = offsetOfLine(file, from);
            HttpRequest put = HttpRequest.newBuilder(URI.create(path + query)).header("Authorization", "Bearer " + bearer)
                    .header("Content-Type", "application/x-ndjson").header("Accept", "application/x-ndjson")
                    .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> from(file, offset))).build();
            HttpResponse<InputStream> response = http.send(put, HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                if (response.statusCode() == 200) {
                    return follow(lines, importId, scan.lines(), err);
                }
                JsonNode problem = json.readTree(lines);
                if (response.statusCode() == 409 && problem.path("detail").asString("").contains("is running now") && attempt < 30) {
                    Thread.sleep(1_000);
                    continue;
                }
                err.println("ponte import: " + response.statusCode() + " " + problem.path("title").asString("") + ": " + problem.path("detail").asString(""));
                problem.path("errors").forEach(e -> err.println("  " + e.path("pointer").asString("") + ": " + e.path("detail").asString("")));
                return 1;
            }
        }
    }

    /** Reads the node's progress lines into a bar (on a terminal) or plain lines; answers the exit code. */
    private int follow(BufferedReader lines, String importId, long total, PrintStream err) throws IOException {
        Progress progress = System.console() != null ? new Bar(importId, total) : new Plain(importId, total, System.out);
        try (progress) {
            String line;
            while ((line = lines.readLine()) != null) {
                JsonNode event = json.readTree(line);
                String type = event.path("type").asString("");
                switch (type) {
                    case "problem" -> event.path("errors").forEach(e -> progress.say("line " + event.path("line").asLong() + ": "
                            + (e.path("pointer").asString("").isEmpty() ? "" : e.path("pointer").asString() + ": ") + e.path("detail").asString("")));
                    case "started", "progress" -> progress.at(event.path("checkpoint").asLong());
                    case "done", "stopped", "failed" -> {
                        progress.at(event.path("checkpoint").asLong());
                        progress.close();
                        System.out.printf("import %s %s at line %d of %d: %d published, %d updated, %d killed, %d unchanged, %d failed, %d skipped (done before)%n",
                                importId, type, event.path("checkpoint").asLong(), total, event.path("published").asLong(), event.path("updated").asLong(),
                                event.path("killed").asLong(), event.path("unchanged").asLong(), event.path("failed").asLong(), event.path("skipped").asLong());
                        if (type.equals("failed")) {
                            err.println("ponte import: " + event.path("detail").asString(""));
                            return 1;
                        }
                        return type.equals("done") && event.path("failed").asLong() == 0 ? 0 : 2;
                    }
                    default -> { } // a kind of line this client does not know yet
                }
            }
        }
        err.println("ponte import: the node ended the answer early; run the same command again to resume");
        return 1;
    }

    private long checkpoint(HttpClient http, String path, String bearer) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(path)).header("Authorization", "Bearer " + bearer).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 404) {
            return 0;
        }
        JsonNode body = json.readTree(r.body());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.statusCode() + " " + body.path("title").asString("") + ": " + body.path("detail").asString(""));
        }
        return body.path("checkpoint").asLong();
    }

    record Scan(long lines, String digest) {}

    /** Lines (a last one without a newline counts) and a digest of the bytes and the products, in one pass. */
    static Scan scan(Path file, String products) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update((products + "\n").getBytes(StandardCharsets.UTF_8));
        long lines = 0;
        byte last = '\n';
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[n - 1];
            }
        }
        return new Scan(last == '\n' ? lines : lines + 1, HexFormat.of().formatHex(sha.digest()).substring(0, 24));
    }

    /** Where line {@code line} (1-based) starts; the file's length when it has fewer lines. */
    static long offsetOfLine(Path file, long line) throws IOException {
        long seen = 1;
        long base = 0;
        if (line <= 1) {
            return 0;
        }
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n' && ++seen == line) {
                        return base + i + 1;
                    }
                }
                base += n;
            }
        }
        return base;
    }

    private static InputStream from(Path file, long offset) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            channel.position(offset);
            return new java.io.BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** How the import is shown as it goes. */
    private interface Progress extends AutoCloseable {
        void at(long linesDone);

        void say(String message);

        @Override
        void close();
    }

    /** A terminal: a bar with lines done of the file, items per second and the time left. */
    private static final class Bar implements Progress {
        private final ProgressBar bar;

        Bar(String id, long total) {
            bar = new ProgressBarBuilder().setTaskName("Importing").setInitialMax(total).setUnit(" items", 1).setStyle(ProgressBarStyle.ASCII)
                    .showSpeed().setMaxRenderedLength(100).setUpdateIntervalMillis(250).build();
        }

        @Override
        public void at(long linesDone) {
            bar.stepTo(linesDone);
        }

        @Override
        public void say(String message) {
            System.err.print("\r" + " ".repeat(100) + "\r");
            System.err.println(message);
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    /** Not a terminal (a log, a pipe): a plain line about every two seconds. */
    private static final class Plain implements Progress {
        private final String id;
        private final long total;
        private final PrintStream out;
        private final long started = System.nanoTime();
        private long shownAt = System.nanoTime();
        private long first = -1;
        private long last;

        Plain(String id, long total, PrintStream out) {
            this.id = id;
            this.total = total;
            this.out = out;
        }

        @Override
        public void at(long linesDone) {
            if (first < 0) {
                first = linesDone;
            }
            last = linesDone;
            if (System.nanoTime() - shownAt >= 2_000_000_000L) {
                shownAt = System.nanoTime();
                double seconds = (shownAt - started) / 1e9;
                double rate = (last - first) / Math.max(seconds, 1e-3);
                long eta = rate > 0 ? Math.round((total - last) / rate) : -1;
                out.printf("import %s: %d/%d lines, %.0f items/s%s%n", id, last, total, rate, eta >= 0 ? ", about " + eta + " s left" : "");
            }
        }

        @Override
        public void say(String message) {
            out.println(message);
        }

        @Override
        public void close() {
            out.flush();
        }
    }
}

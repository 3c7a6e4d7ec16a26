package ponte.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The backfill path (issue 19): a file of N ninjs items, one per line, streamed to {@code PUT /v1/ingest/imports/{id}}
 * of a fresh embedded node, then to {@code POST /v1/ingest/files} of another, and the same items as one Atom feed to a
 * third (the streamed upload, answered in NDJSON), against two references in the same run: reading and parsing the same file alone (Jackson,
 * a tree per line: the floor any import pays), and raw H2 inserting the same documents with {@code WRITE_DELAY=0},
 * 256 rows per commit (the group size of Ponte's log writer), one table, no index but the key.
 *
 * <p>Usage: {@code ImportThroughput [items]} (default 100000). Prints the node's progress lines as they come.
 */
public final class ImportThroughput {
    private static final String LOG_WRITER = "ponte-log-writer";

    private ImportThroughput() {}

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("ponte-bench-import-");
        Path file = dir.resolve("items.ndjson");
        long made = System.nanoTime();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= items; i++) {
                String ninjs = Node.ninjs(Integer.toString(i));
                out.write("{\"uri\":\"urn:bench:import:" + i + "\"," + ninjs.substring(1));
                out.write('\n');
            }
        }
        System.out.printf(Locale.ROOT, "file: %d items, %.1f MB, made in %.1f s%n", items, Files.size(file) / 1e6, (System.nanoTime() - made) / 1e9);

        Path feed = atom(dir.resolve("items.atom"), items);
        double parse1 = parse(file);
        double raw1 = rawH2(file, dir.resolve("raw1"));
        double ponte;
        double writerMsPerItem;
        try (Node node = Node.start()) {
            long cpu = PublishThroughput.cpuNanos(LOG_WRITER);
            ponte = importInto(node, "PUT", "/v1/ingest/imports/bench", "application/x-ndjson", file, items, "checkpoint");
            writerMsPerItem = (PublishThroughput.cpuNanos(LOG_WRITER) - cpu) / 1e6 / items;
            head(node, items);
        }
        double uploadLines;
        try (Node node = Node.start()) {
            uploadLines = importInto(node, "POST", "/v1/ingest/files", "application/x-ndjson", file, items, "done");
            head(node, items);
        }
        double uploadAtom;
        try (Node node = Node.start()) {
            uploadAtom = importInto(node, "POST", "/v1/ingest/files", "application/atom+xml", feed, items, "done");
            head(node, items);
        }
        double parse2 = parse(file);
        double raw2 = rawH2(file, dir.resolve("raw2"));
        double parse = Math.max(parse1, parse2);
        double raw = Math.max(raw1, raw2);
        System.out.printf(Locale.ROOT, "%n| what | items/s | Ponte ÷ it |%n| --- | ---: | ---: |%n");
        System.out.printf(Locale.ROOT, "| Ponte: PUT /v1/ingest/imports/{id}, NDJSON streamed, to the last commit | %,.0f | 1.00 |%n", ponte);
        // The uploads' last column is the other way round: the upload's rate ÷ the PUT's (1.00 is "the same rate").
        System.out.printf(Locale.ROOT, "| Ponte: POST /v1/ingest/files, the same NDJSON, answered in NDJSON (÷ PUT) | %,.0f | %.2f |%n",
                uploadLines, uploadLines / ponte);
        System.out.printf(Locale.ROOT, "| Ponte: POST /v1/ingest/files, the same items as one Atom feed, %.1f MB (÷ PUT) | %,.0f | %.2f |%n",
                Files.size(feed) / 1e6, uploadAtom, uploadAtom / ponte);
        System.out.printf(Locale.ROOT, "| read + parse the file alone (Jackson tree per line; before / after) | %,.0f / %,.0f | %.2f |%n", parse1, parse2, ponte / parse);
        System.out.printf(Locale.ROOT, "| raw H2 batched insert, 256 rows a commit, WRITE_DELAY=0 (before / after) | %,.0f / %,.0f | %.2f |%n", raw1, raw2, ponte / raw);
        System.out.printf(Locale.ROOT, "log writer CPU: %.3f ms per item%n", writerMsPerItem);
        Node.deleteTree(dir);
    }

    private static void head(Node node, int items) {
        long head = node.ponte.head().seq();
        System.out.printf("content log head: %d%s%n", head, head == items ? " (every item once)" : "  <-- MISMATCH");
    }

    /** The same items as one Atom feed (the body XML-escaped), uris {@code urn:bench:atom:n}. */
    private static Path atom(Path feed, int items) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(feed, StandardCharsets.UTF_8)) {
            out.write("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"it\"><id>urn:bench:feed</id><title>bench</title>"
                    + "<updated>2026-01-01T00:00:00Z</updated>\n");
            String body = Node.BODY.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            for (int i = 1; i <= items; i++) {
                out.write("<entry><id>urn:bench:atom:" + i + "</id><title>Bilancio approvato, " + i + "</title><updated>2026-01-01T00:00:00Z"
                        + "</updated><content type=\"text\">" + body + "</content></entry>\n");
            }
            out.write("</feed>\n");
        }
        return feed;
    }

    /**
     * Items per second of the whole import, from the first byte sent to the answer's last line (NDJSON, whose lines
     * say how far it has come in {@code doneField}).
     */
    private static double importInto(Node node, String method, String path, String type, Path file, int items, String doneField) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.ponte.port()
                        + path + "?products=" + Node.PRODUCT))
                .header("Authorization", "Bearer " + node.editorKey()).header("Content-Type", type).header("Accept", "application/x-ndjson")
                .method(method, HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("import answered " + response.statusCode() + ": " + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        JsonNode last = null;
        long shown = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                last = json.readTree(line);
                if (System.nanoTime() - shown > 2_000_000_000L || !last.path("type").asString().equals("progress")) {
                    shown = System.nanoTime();
                    long done = last.path(doneField).asLong();
                    System.out.printf(Locale.ROOT, "  %6.1f s  %s: %,d of %,d done, %,.0f items/s, %d in flight%n", (shown - start) / 1e9,
                            last.path("type").asString(), done, items, done / ((shown - start) / 1e9), last.path("inFlight").asInt());
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (last == null || !last.path("type").asString().equals("done") || last.path("published").asLong() != items) {
            throw new IllegalStateException("the import did not publish every item: " + last);
        }
        System.out.printf(Locale.ROOT, "Ponte %s %s (%s): %,d items in %.1f s: %,.0f items/s%n", method, path, type, items, seconds, items / seconds);
        return items / seconds;
    }

    private static double parse(Path file) throws Exception {
        ObjectMapper json = new ObjectMapper();
        long start = System.nanoTime();
        long n = 0;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (json.readTree(line).has("uri")) {
                    n++;
                }
            }
        }
        double rate = n / ((System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "read + parse alone: %,.0f items/s%n", rate);
        return rate;
    }

    private static double rawH2(Path file, Path db) throws Exception {
        long start = System.nanoTime();
        long n = 0;
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db + ";WRITE_DELAY=0", "sa", "");
             BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            try (Statement s = c.createStatement()) {
                s.execute("create table stories (id bigint generated by default as identity primary key, ninjs varchar(1000000) not null)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("insert into stories (ninjs) values (?)")) {
                String line;
                while ((line = lines.readLine()) != null) {
                    ps.setString(1, line);
                    ps.addBatch();
                    if (++n % 256 == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
        }
        double rate = n / ((System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "raw H2 batched: %,.0f items/s%n", rate);
        return rate;
    }
}

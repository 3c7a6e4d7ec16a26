package ponte.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import ponte.app.Settings;
import ponte.app.Node;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.orgs.OrgId;
import ponte.core.search.Order;
import ponte.core.search.Results;
import ponte.core.search.SearchRequest;

/**
 * Multilingual search, Ponte against raw Lucene in the same run (docs/benchmarks.md): N items of real prose in
 * it/en/zh/ko/ja on Ponte's content log ({@link SearchLog}: written once per size and seed, then copied), then (1)
 * Ponte's indexer reads the log into its index and (2) the raw harness indexes the same documents with the same
 * analysers, alternating in ten steps; then a mixed query set runs against both, alternating. Arguments: items (default
 * 100000), queries per language (default 40), rounds (default 3), seed (default 0).
 */
public final class SearchBenchmark {
    static final int WINDOW = 1000;
    static final int LIMIT = 20;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int perLanguage = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 0;
        int threads = Runtime.getRuntime().availableProcessors();
        Path root = Files.createTempDirectory("ponte-search-bench-");
        long started = System.nanoTime();

        SearchCorpus corpus = SearchCorpus.load(seed);
        for (String l : SearchCorpus.LANGUAGES) {
            System.out.printf("corpus %-8s %,7d sentences, %,10d characters%n", l, corpus.sentences(l), corpus.characters(l));
        }
        long chars = 0;
        for (int i = 0; i < Math.min(n, 20_000); i++) {
            SearchCorpus.Item item = corpus.item(i);
            chars += item.headline().length() + item.body().length();
        }
        System.out.printf("items: %,d, mean %,d characters of text (first 20,000); %d indexing threads%n", n, chars / Math.min(n, 20_000), threads);

        Path cachedLog = SearchLog.cached(corpus, n, seed, SearchLog.cache());
        SearchLog.copy(cachedLog, root.resolve("ponte"));
        try (Node w = new Node(new Settings("127.0.0.1", 0, root.resolve("ponte"), Optional.empty(), "bench-admin"), Clock.systemUTC())) {
            OrgId partner = new OrgId("partner");
            if (w.head().seq() != n) {
                throw new IllegalStateException("the cached log ends at " + w.head() + ", not at entry " + n);
            }

            // Warm-up of the shared analysers (their dictionaries and JIT) on 5,000 documents, outside both measurements.
            try (RawLuceneSearch warm = new RawLuceneSearch(root.resolve("warm"), threads)) {
                warm.index(corpus, n, n + 5_000, Instant.now(), i -> {});
            }
            // And of Ponte's own path (the log read, its documents, refreshes) on the first 5,000 entries of a copy of the
            // log, into a throwaway index: before, Ponte's first step compiled its code while raw Lucene's had been warmed.
            Path warmLog = root.resolve("ponte-warm");
            SearchLog.copy(cachedLog, warmLog);
            try (Node warm = new Node(new Settings("127.0.0.1", 0, warmLog, Optional.empty(), "bench-admin"), Clock.systemUTC())) {
                warm.indexUpTo(5_000);
            }
            SearchLog.delete(warmLog);
            long heapBefore = IndexMemory.heapAfterGc();

            // Both index the same items in ten alternating steps, so that both see the same neighbours on a shared machine.
            try (RawLuceneSearch raw = new RawLuceneSearch(root.resolve("raw"), threads)) {
                long ponteNanos = 0;
                long rawNanos = 0;
                ThreadGroupsCpu cpu = new ThreadGroupsCpu(List.of(
                        new ThreadGroupsCpu.Group("Ponte's index threads", c -> c.startsWith("ponte-index-")),
                        new ThreadGroupsCpu.Group("Ponte's log reader", c -> c.startsWith("ponte-search-lo")),
                        // The main thread: Linux names it after the launcher ("java").
                        new ThreadGroupsCpu.Group("main (Ponte: batches, refreshes)", c -> c.equals("java") || c.equals("main")),
                        new ThreadGroupsCpu.Group("raw Lucene's index threads", c -> c.startsWith("raw-index-")),
                        new ThreadGroupsCpu.Group("Lucene merges", c -> c.startsWith("Lucene Merge")),
                        new ThreadGroupsCpu.Group("garbage collector", c -> c.startsWith("Z") || c.startsWith("GC ") || c.startsWith("G1 ")),
                        new ThreadGroupsCpu.Group("JIT compilers", c -> c.startsWith("C1 ") || c.startsWith("C2 ")),
                        new ThreadGroupsCpu.Group("other", c -> true)));
                Instant created = Instant.now();
                int steps = 10;
                long indexing = System.nanoTime();
                for (int step = 0; step < steps; step++) {
                    int from = (int) ((long) n * step / steps);
                    int to = (int) ((long) n * (step + 1) / steps);
                    long t0 = System.nanoTime();
                    cpu.start();
                    // Items are the only entries on the log, so item i is log entry i + 1.
                    w.indexUpTo(to);
                    if (step == steps - 1) {
                        w.commitSearch();
                    }
                    cpu.stop("ponte");
                    ponteNanos += System.nanoTime() - t0;
                    long t1 = System.nanoTime();
                    cpu.start();
                    raw.index(corpus, from, to, created, i -> { });
                    if (step == steps - 1) {
                        raw.commit();
                    }
                    cpu.stop("raw");
                    rawNanos += System.nanoTime() - t1;
                    double elapsed = seconds(indexing);
                    if (ThreadGroupsCpu.available()) {
                        System.out.printf("    CPU so far: Ponte %.1f s (JIT %.1f s), raw %.1f s (JIT %.1f s)%n", cpu.total("ponte"),
                                cpu.seconds("ponte", "JIT compilers"), cpu.total("raw"), cpu.seconds("raw", "JIT compilers"));
                    }
                    System.out.printf("  index step %2d/%d: %,d items each; so far Ponte %.1f s, raw %.1f s; ETA %.0f s%n", step + 1, steps, to,
                            ponteNanos / 1e9, rawNanos / 1e9, elapsed / (step + 1) * (steps - step - 1));
                }
                double ponteSeconds = ponteNanos / 1e9;
                double rawSeconds = rawNanos / 1e9;
                long ponteDisk = IndexMemory.disk(root.resolve("ponte").resolve("search"));
                long rawDisk = IndexMemory.disk(root.resolve("raw"));
                System.out.printf("%nponte: %,d items in %.1f s = %,.0f items/s; index on disk %s%n", n, ponteSeconds, n / ponteSeconds, IndexMemory.mib(ponteDisk));
                System.out.printf("raw:   %,d items in %.1f s = %,.0f items/s; index on disk %s%n", n, rawSeconds, n / rawSeconds, IndexMemory.mib(rawDisk));
                System.out.printf("segments: Ponte %d, raw %d%n", segments(root.resolve("ponte").resolve("search")), segments(root.resolve("raw")));
                String cpuTable = cpuTable(cpu, n, ponteSeconds, rawSeconds);
                System.out.println(cpuTable);
                raw.openReader();

                List<String> queries = new ArrayList<>();
                for (int l = 0; l < SearchCorpus.LANGUAGES.size(); l++) {
                    queries.addAll(corpus.queries(SearchCorpus.LANGUAGES.get(l), perLanguage, 17 + l));
                }
                Caller caller = new Caller.Member(partner, Role.PARTNER);
                Latencies ponte = new Latencies();
                Latencies reference = new Latencies();
                long ponteHits = 0;
                long rawHits = 0;
                for (String q : queries) { // warm-up
                    w.useCases().searching().search(caller, request(q));
                    raw.search(q, WINDOW, LIMIT);
                }
                for (int r = 0; r < rounds; r++) {
                    for (int i = 0; i < queries.size(); i++) {
                        String q = queries.get(i);
                        boolean ponteFirst = (i + r) % 2 == 0;
                        for (int k = 0; k < 2; k++) {
                            long s = System.nanoTime();
                            if (ponteFirst == (k == 0)) {
                                Results results = w.useCases().searching().search(caller, request(q));
                                ponte.add(System.nanoTime() - s);
                                ponteHits += results.visible();
                            } else {
                                RawLuceneSearch.Answer a = raw.search(q, WINDOW, LIMIT);
                                reference.add(System.nanoTime() - s);
                                rawHits += a.hits();
                            }
                        }
                    }
                    System.out.printf("query round %d/%d done%n", r + 1, rounds);
                }
                // Heap in use after a full GC: with both indexes open, then with the raw one closed; each side's share is
                // what it adds to the node as it stood before indexing (its log, caches and the analysers' dictionaries).
                long heapBoth = IndexMemory.heapAfterGc();
                raw.close();
                long heapPonte = IndexMemory.heapAfterGc();
                long ponteHeap = heapPonte - heapBefore;
                long rawHeap = heapBoth - heapPonte;
                System.out.printf("heap after GC: before indexing %s, both indexes open %s, raw closed %s%n",
                        IndexMemory.mib(heapBefore), IndexMemory.mib(heapBoth), IndexMemory.mib(heapPonte));
                if (Boolean.getBoolean("bench.histogram")) {
                    IndexMemory.histogram(25);
                }
                String machine = String.format("%d cores, %s, JDK %s", threads, cpu(), Runtime.version());
                String report = """
                        | items | Ponte items/s | raw Lucene items/s | **indexing ratio** | Ponte index on disk | raw index on disk | heap each index adds (Ponte / raw) |
                        |---:|---:|---:|---:|---:|---:|---:|
                        | %,d | %,.0f | %,.0f | **%.2f×** | %s | %s | %s / %s |

                        | queries × rounds | Ponte p50 ms | Ponte p99 ms | raw p50 ms | raw p99 ms | **p99 ratio** | mean candidates (Ponte visible / raw) |
                        |---:|---:|---:|---:|---:|---:|---:|
                        | %d × %d | %.2f | %.2f | %.2f | %.2f | **%.2f×** | %.0f / %.0f |

                        Heap in use after a full GC: %s before indexing (the node, its caches, the analysers), %s with both indexes open after the queries, %s once the raw one closed.
                        Machine: %s. Peak RSS of the run: %s. Total run %.0f s. Load average at the end: %s.
                        """.formatted(n, n / ponteSeconds, n / rawSeconds, rawSeconds / ponteSeconds, IndexMemory.mib(ponteDisk), IndexMemory.mib(rawDisk),
                        IndexMemory.mib(ponteHeap), IndexMemory.mib(rawHeap),
                        queries.size(), rounds, ponte.percentile(50), ponte.percentile(99), reference.percentile(50), reference.percentile(99),
                        ponte.percentile(99) / reference.percentile(99), (double) ponteHits / ponte.count(), (double) rawHits / reference.count(),
                        IndexMemory.mib(heapBefore), IndexMemory.mib(heapBoth), IndexMemory.mib(heapPonte), machine, IndexMemory.peakRss(), seconds(started), load());
                System.out.println();
                System.out.println(report);
                Path results = Path.of(System.getProperty("bench.results", "bench/target/results"));
                Files.createDirectories(results);
                Files.writeString(results.resolve("search.md"), report + "\n" + cpuTable);
            }
        } finally {
            SearchLog.delete(root);
        }
    }

    /**
     * Where each side's CPU went while it indexed (the threads of the whole process, per side's windows), per thousand
     * items, and how busy the machine's cores were: on a machine whose cores are all busy, the side that needs more CPU
     * per item is the slower one whatever its threads do; with cores idle, something waits.
     */
    private static String cpuTable(ThreadGroupsCpu cpu, int n, double ponteSeconds, double rawSeconds) {
        if (!ThreadGroupsCpu.available()) {
            return "(CPU by thread group: needs Linux's /proc)";
        }
        StringBuilder t = new StringBuilder("""
                | CPU while indexing, by threads | Ponte s | raw s | Ponte ms per 1,000 items | raw ms per 1,000 items |
                |---|---:|---:|---:|---:|
                """);
        for (String g : cpu.groupNames()) {
            t.append("| %s | %.1f | %.1f | %.0f | %.0f |%n".formatted(g, cpu.seconds("ponte", g), cpu.seconds("raw", g),
                    cpu.seconds("ponte", g) * 1e6 / n, cpu.seconds("raw", g) * 1e6 / n));
        }
        int cores = Runtime.getRuntime().availableProcessors();
        t.append("| **all** | **%.1f** | **%.1f** | **%.0f** | **%.0f** |%n".formatted(cpu.total("ponte"), cpu.total("raw"),
                cpu.total("ponte") * 1e6 / n, cpu.total("raw") * 1e6 / n));
        t.append("%nCPU per item, raw ÷ Ponte: **%.2f×**. Cores busy while indexing (of %d): Ponte %.2f, raw %.2f.%n".formatted(
                cpu.total("raw") / cpu.total("ponte"), cores, cpu.total("ponte") / ponteSeconds, cpu.total("raw") / rawSeconds));
        return t.toString();
    }

    private static SearchRequest request(String q) {
        return new SearchRequest(q, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Order.RELEVANCE, LIMIT, Optional.empty());
    }

    private static int segments(Path index) throws IOException {
        try (org.apache.lucene.store.Directory d = org.apache.lucene.store.FSDirectory.open(index);
             org.apache.lucene.index.DirectoryReader r = org.apache.lucene.index.DirectoryReader.open(d)) {
            return r.leaves().size();
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String cpu() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}

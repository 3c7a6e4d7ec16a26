package ponte.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Durable publishing through the whole node (HTTP, JSON, ninjs schema check, routing, the log writer's group commit)
 * against the naive durable write in the same run: items/s ÷ raw single-row H2 commits/s at the same concurrency.
 *
 * <p>Usage: {@code PublishThroughput [concurrency...]} (default 1 8 64); -Dbench.warmup, -Dbench.seconds per level;
 * -Dbench.publish.postgres=true runs the node and the reference each on a fresh schema of the local PostgreSQL
 * (127.0.0.1:5432, database test) instead of H2 files.
 */
public final class PublishThroughput {
    // JdbcContentLog's single writer: its CPU share says whether it, rather than the request path, is the bound.
    private static final String LOG_WRITER = "ponte-log-writer";

    private PublishThroughput() {}

    public static void main(String[] args) throws Exception {
        List<Integer> levels = args.length == 0 ? List.of(1, 8, 64) : Arrays.stream(args).map(Integer::valueOf).toList();
        Load.Phases phases = Load.Phases.fromSystemProperties(2, 8);
        boolean postgres = Boolean.getBoolean("bench.publish.postgres");
        Report report = new Report("Publish throughput: POST /v1/items until 201 (committed durably)" + (postgres ? ", PostgreSQL" : ""),
                "the same ninjs document inserted and committed one row at a time into " + (postgres
                        ? "a table of its own schema on the same PostgreSQL" : "an H2 file database with WRITE_DELAY=0")
                        + ", at the same concurrency, through a Hikari pool of 16 (as Ponte's)",
                "log writer: busy share of a core, CPU ms per item" + (postgres
                        ? "; server CPU ms per item / per reference row (backends + the server's own processes)" : ""));
        AtomicLong story = new AtomicLong();
        AtomicLong acknowledged = new AtomicLong();
        try (PostgresSchema nodeSchema = postgres ? new PostgresSchema("publish") : null;
             PostgresSchema rawSchema = postgres ? new PostgresSchema("publish_raw") : null;
             Node node = postgres ? Node.start(Optional.of(nodeSchema.url()), Optional.empty(), true) : Node.start();
             RawCommits raw = new RawCommits(postgres ? Optional.of(rawSchema.url()) : Optional.empty())) {
            Load.Call reference = () -> raw.insert(Node.ninjs("r" + story.incrementAndGet()));
            Load.Call publish = () -> {
                int bytes = node.client.post("/v1/items", node.editorKey(), Node.item("p" + story.incrementAndGet())).body().length;
                acknowledged.incrementAndGet();
                return bytes;
            };
            // Compile the hot paths of both before anything counts: the first level would otherwise measure the JIT.
            Load.Phases jit = new Load.Phases(Duration.ofSeconds(Integer.getInteger("bench.jit", 3)), Duration.ZERO);
            Load.run("JIT warm-up raw", 8, jit, w -> reference);
            Load.run("JIT warm-up ponte", 8, jit, w -> publish);
            if (postgres) {
                analyzeEvery(Duration.ofSeconds(5), nodeSchema, rawSchema);
            }
            for (int c : levels) {
                // Reference then Ponte at each level, so both meet the machine in about the same state.
                ServerCpu.Snapshot s0 = postgres ? ServerCpu.now() : null;
                long rowsBefore = story.get();
                Load.Result ref = Load.run("raw H2 commit", c, phases, w -> reference);
                long rows = story.get() - rowsBefore;
                ServerCpu.Snapshot s1 = postgres ? ServerCpu.now() : null;
                long writerCpu = cpuNanos(LOG_WRITER);
                long wall = System.nanoTime();
                long items = acknowledged.get();
                Load.Result ponte = Load.run("ponte POST /v1/items", c, phases, w -> publish);
                // Over warm-up and measurement alike: the ceiling one writer puts on a bigger machine is 1 / (ms per item).
                double writerCpuSeconds = (cpuNanos(LOG_WRITER) - writerCpu) / 1e9;
                double busy = writerCpuSeconds / ((System.nanoTime() - wall) / 1e9);
                double msPerItem = writerCpuSeconds * 1e3 / (acknowledged.get() - items);
                String server = "";
                if (postgres) {
                    ServerCpu.Snapshot s2 = ServerCpu.now();
                    long published = acknowledged.get() - items;
                    server = String.format(Locale.ROOT, "; %.3f + %.3f / %.3f + %.3f ms",
                            s2.millisSince(s1, nodeSchema.applicationName()) / published, s2.millisSince(s1, "") / published,
                            s1.millisSince(s0, rawSchema.applicationName()) / rows, s1.millisSince(s0, "") / rows);
                }
                report.add(ponte, ref, String.format(Locale.ROOT, "%.2f, %.3f ms", busy, msPerItem) + server);
            }
            // Every 201 must be one entry on the log: a cheap check that the numbers above counted real writes.
            long head = node.ponte.head().seq();
            System.out.printf("%n201 answers: %d; content log head: %d%s%n", acknowledged.get(), head,
                    head == acknowledged.get() ? " (equal)" : "  <-- MISMATCH");
            writerAlone(node, raw, story, levels.getLast(), phases, postgres,
                    postgres ? nodeSchema.applicationName() : "", postgres ? rawSchema.applicationName() : "");
        }
        report.publish("publish-throughput.md");
    }

    /**
     * The log writer without HTTP: {@code c} threads appending the same publish straight to the node's content log, so
     * its groups fill whatever the request path costs; the writer's CPU per item here is its own cost at full groups.
     */
    private static void writerAlone(Node node, RawCommits raw, AtomicLong story, int c, Load.Phases phases, boolean postgres,
                                    String nodeApplication, String rawApplication) throws Exception {
        ponte.core.orgs.OrgId agency = new ponte.core.orgs.OrgId("agenzia");
        ponte.core.audit.Actor editor = ponte.core.audit.Actor.of(new ponte.core.access.Caller.Member(agency,
                ponte.core.access.Role.EDITOR, Optional.empty(), Optional.empty()));
        Load.Call append = () -> {
            String n = "w" + story.incrementAndGet();
            node.ponte.log().append(new ponte.core.items.Change.Publish(agency, new ponte.core.items.ItemId(n), Optional.empty(),
                    new ponte.core.items.Content(Node.ninjs(n), Optional.of("it"), Optional.empty(), "text", Optional.of("Bilancio approvato, " + n)),
                    java.util.Set.of(new ponte.core.products.ProductId(Node.PRODUCT)), ponte.core.orgs.Territories.WORLDWIDE), editor);
            return 0;
        };
        ServerCpu.Snapshot s0 = postgres ? ServerCpu.now() : null;
        long rowsBefore = story.get();
        Load.Result ref = Load.run("raw commit (writer-alone reference)", c, phases, w -> () -> raw.insert(Node.ninjs("r" + story.incrementAndGet())));
        long rows = story.get() - rowsBefore;
        ServerCpu.Snapshot s1 = postgres ? ServerCpu.now() : null;
        long cpu = cpuNanos(LOG_WRITER);
        long before = node.ponte.head().seq();
        Load.Result alone = Load.run("log append, no HTTP", c, phases, w -> append);
        long appended = node.ponte.head().seq() - before;
        double ms = (cpuNanos(LOG_WRITER) - cpu) / 1e6 / appended;
        if (postgres) {
            ServerCpu.Snapshot s2 = ServerCpu.now();
            System.out.printf(Locale.ROOT, "%nwriter alone, server CPU: %.3f ms per item (+ %.3f the server's own processes); reference %.3f ms per row (+ %.3f)%n",
                    s2.millisSince(s1, nodeApplication) / appended, s2.millisSince(s1, "") / appended,
                    s1.millisSince(s0, rawApplication) / rows, s1.millisSince(s0, "") / rows);
        }
        System.out.printf(Locale.ROOT, "%nwriter alone, c=%d: %,.0f appends/s (raw commits %,.0f/s: %.3fx), p50 %.2f ms; log writer CPU %.3f ms per item%n",
                c, alone.perSecond(), ref.perSecond(), alone.perSecond() / ref.perSecond(), alone.latency().p50(), ms);
    }

    /**
     * Updates the schemas' planner statistics every {@code period}, as autovacuum does on a running server; the local
     * server runs with autovacuum off. Without it, plans made while the fresh tables held a few rows stay cached as the
     * tables grow: the foreign-key checks of every insert (SELECT 1 ... FOR KEY SHARE on items, content_log,
     * audit_trail) scanned the whole referenced table, and the log readers joined whole tables, so the server's CPU
     * per item grew with the run (docs/benchmarks.md, "Issue 19: publishing on PostgreSQL").
     */
    private static void analyzeEvery(Duration period, PostgresSchema... schemas) {
        Thread.ofPlatform().daemon().name("bench-analyze").start(() -> {
            try {
                while (true) {
                    for (PostgresSchema s : schemas) {
                        s.analyze();
                    }
                    Thread.sleep(period);
                }
            } catch (InterruptedException | java.sql.SQLException stopped) {
                // the schemas were dropped at the end of the run
            }
        });
    }

    static long cpuNanos(String threadName) {
        Thread thread = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(threadName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no thread named " + threadName));
        return ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.threadId());
    }
}

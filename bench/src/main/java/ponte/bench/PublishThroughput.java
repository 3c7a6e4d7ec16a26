package ponte.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Durable publishing through the whole node (HTTP, JSON, ninjs schema check, routing, the log writer's group commit)
 * against the naive durable write in the same run: items/s ÷ raw single-row H2 commits/s at the same concurrency.
 *
 * <p>Usage: {@code PublishThroughput [concurrency...]} (default 1 8 64); -Dbench.warmup, -Dbench.seconds per level.
 */
public final class PublishThroughput {
    // JdbcContentLog's single writer: its CPU share says whether it, rather than the request path, is the bound.
    private static final String LOG_WRITER = "ponte-log-writer";

    private PublishThroughput() {}

    public static void main(String[] args) throws Exception {
        List<Integer> levels = args.length == 0 ? List.of(1, 8, 64) : Arrays.stream(args).map(Integer::valueOf).toList();
        Load.Phases phases = Load.Phases.fromSystemProperties(2, 8);
        Report report = new Report("Publish throughput: POST /v1/items until 201 (committed durably)",
                "the same ninjs document inserted and committed one row at a time into an H2 file database with "
                        + "WRITE_DELAY=0, at the same concurrency, through a Hikari pool of 16 (as Ponte's)",
                "log writer: busy share of a core, CPU ms per item");
        AtomicLong story = new AtomicLong();
        AtomicLong acknowledged = new AtomicLong();
        try (Node node = Node.start(); RawCommits raw = new RawCommits()) {
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
            for (int c : levels) {
                // Reference then Ponte at each level, so both meet the machine in about the same state.
                Load.Result ref = Load.run("raw H2 commit", c, phases, w -> reference);
                long writerCpu = cpuNanos(LOG_WRITER);
                long wall = System.nanoTime();
                long items = acknowledged.get();
                Load.Result ponte = Load.run("ponte POST /v1/items", c, phases, w -> publish);
                // Over warm-up and measurement alike: the ceiling one writer puts on a bigger machine is 1 / (ms per item).
                double writerCpuSeconds = (cpuNanos(LOG_WRITER) - writerCpu) / 1e9;
                double busy = writerCpuSeconds / ((System.nanoTime() - wall) / 1e9);
                double msPerItem = writerCpuSeconds * 1e3 / (acknowledged.get() - items);
                report.add(ponte, ref, String.format(Locale.ROOT, "%.2f, %.3f ms", busy, msPerItem));
            }
            // Every 201 must be one entry on the log: a cheap check that the numbers above counted real writes.
            long head = node.ponte.head().seq();
            System.out.printf("%n201 answers: %d; content log head: %d%s%n", acknowledged.get(), head,
                    head == acknowledged.get() ? " (equal)" : "  <-- MISMATCH");
        }
        report.publish("publish-throughput.md");
    }

    static long cpuNanos(String threadName) {
        Thread thread = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(threadName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no thread named " + threadName));
        return ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.threadId());
    }
}

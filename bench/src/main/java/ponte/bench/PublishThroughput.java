package ponte.bench;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Durable publishing through the whole node (HTTP, JSON, ninjs schema check, routing, the log writer's group commit)
 * against the naive durable write in the same run: items/s ÷ raw single-row H2 commits/s at the same concurrency.
 *
 * <p>Usage: {@code PublishThroughput [concurrency...]} (default 1 8 64); -Dbench.warmup, -Dbench.seconds per level.
 */
public final class PublishThroughput {
    private PublishThroughput() {}

    public static void main(String[] args) throws Exception {
        List<Integer> levels = args.length == 0 ? List.of(1, 8, 64) : Arrays.stream(args).map(Integer::valueOf).toList();
        Load.Phases phases = Load.Phases.fromSystemProperties(2, 8);
        Report report = new Report("Publish throughput: POST /v1/items until 201 (committed durably)",
                "the same ninjs document inserted and committed one row at a time into an H2 file database with "
                        + "WRITE_DELAY=0, at the same concurrency, through a Hikari pool of 16 (as Ponte's)");
        AtomicLong story = new AtomicLong();
        AtomicLong acknowledged = new AtomicLong();
        try (Node node = Node.start(); RawCommits raw = new RawCommits()) {
            for (int c : levels) {
                // Reference then Ponte at each level, so both meet the machine in about the same state.
                Load.Result reference = Load.run("raw H2 commit", c, phases,
                        worker -> () -> raw.insert(Node.ninjs("r" + story.incrementAndGet())));
                Load.Result ponte = Load.run("ponte POST /v1/items", c, phases, worker -> () -> {
                    int bytes = node.client.post("/v1/items", node.editorKey(), Node.item("p" + story.incrementAndGet())).body().length;
                    acknowledged.incrementAndGet();
                    return bytes;
                });
                report.add(ponte, reference);
            }
            // Every 201 must be one entry on the log: a cheap check that the numbers above counted real writes.
            long head = node.wiring.log.head().seq();
            System.out.printf("%n201 answers: %d; content log head: %d%s%n", acknowledged.get(), head,
                    head == acknowledged.get() ? " (equal)" : "  <-- MISMATCH");
        }
        report.publish("publish-throughput.md");
    }
}

package ponte.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import ponte.core.delivery.EndpointId;

/**
 * One breaking item to many endpoints: {@code N} endpoints (default 5,335) on one receiver, distinct paths. The clock
 * starts when the editor's POST /v1/items is sent and stops, per endpoint, when its request arrives at the receiver.
 * Reference: the stateless sender starting one signed request per path at once, timed the same way.
 *
 * <p>Usage: {@code PushFanOut [endpoints] [rounds]} (default 5335 3; the first round warms up).
 */
public final class PushFanOut {
    private PushFanOut() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5335;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        StringBuilder table = new StringBuilder("""
                ### One breaking item to %,d endpoints (one receiver, distinct paths)

                | round | Ponte: delivered within 2 s | p50 ms | p99 ms | last ms | all durable ms | stateless sender: within 2 s | p50 ms | p99 ms | last ms |
                |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
                """.formatted(n));
        try (HookReceiver receiver = new HookReceiver(); Node node = Pushes.node()) {
            Pushes.publish(node, 1);
            byte[] body = Pushes.samplePayload(node);
            List<EndpointId> ids = create(node, receiver, n);
            System.out.printf("  %d endpoints created%n", ids.size());
            Pushes.awaitCaughtUp(node, ids, 120);
            StatelessSender reference = new StatelessSender();
            for (int round = 0; round < rounds; round++) {
                receiver.reset();
                long r0 = System.nanoTime();
                long[] ref = reference(reference, receiver, n, body, r0);

                receiver.reset();
                Thread.sleep(500);
                long t0 = System.nanoTime();
                node.client.post("/v1/items", node.editorKey(), Node.item("breaking " + round));
                long[] ponte = await(receiver, "/fan/", n, t0, 30);
                long durable = (Pushes.awaitCaughtUp(node, ids, 120) - t0) / 1_000_000;
                String line = String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %,d | %s | %d | %d | %d |%n", round == 0 ? "warm-up" : Integer.toString(round),
                        within(ponte, n, 2000), pct(ponte, 0.50), pct(ponte, 0.99), ponte.length == 0 ? -1 : ponte[ponte.length - 1], durable,
                        within(ref, n, 2000), pct(ref, 0.50), pct(ref, 0.99), ref.length == 0 ? -1 : ref[ref.length - 1]);
                System.out.print(line);
                table.append(line);
            }
        }
        System.out.println();
        System.out.println(table);
        Report.write("push-fanout.md", table.toString());
    }

    private static List<EndpointId> create(Node node, HookReceiver receiver, int n) throws Exception {
        List<EndpointId> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        ids.add(Pushes.endpoint(node, receiver.url("/fan/" + i)));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        return ids;
    }

    private static long[] reference(StatelessSender sender, HookReceiver receiver, int n, byte[] body, long t0) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String url = receiver.url("/ref/" + i);
            String id = "msg_ref_" + i;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                sender.post(url, id, body);
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        return arrivals(receiver, "/ref/", start);
    }

    private static long[] await(HookReceiver receiver, String prefix, int n, long t0, int seconds) throws InterruptedException {
        long deadline = t0 + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline && receiver.firstArrivals().size() < n) {
            Thread.sleep(10);
        }
        return arrivals(receiver, prefix, t0);
    }

    /** Milliseconds from t0 to each path's first 2xx, sorted. */
    private static long[] arrivals(HookReceiver receiver, String prefix, long t0) {
        Map<String, Long> first = receiver.firstArrivals();
        return first.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(e -> (e.getValue() - t0) / 1_000_000).sorted().toArray();
    }

    private static String within(long[] sorted, int n, long ms) {
        long count = Arrays.stream(sorted).filter(x -> x <= ms).count();
        return String.format(Locale.ROOT, "%,d / %,d (%.1f%%)", count, n, 100.0 * count / n);
    }

    private static long pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}

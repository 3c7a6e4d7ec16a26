package ponte.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ponte.core.delivery.EndpointId;

/**
 * Isolation: 10 endpoints replay the same {@code M} entries, once all healthy and once with one stalled (never
 * answers; the 15 s timeout ends each request) and two flaky (half their requests answered 500, retried on the real
 * schedule). The figure is the throughput of the 7 endpoints that are healthy in both runs, stalled run ÷ healthy
 * run. The stateless sender's all-healthy rate to 10 endpoints is measured in the same run for reference.
 *
 * <p>Usage: {@code PushIsolation [items] [pairs]} (default 1000 5; runs alternate healthy, troubled).
 */
public final class PushIsolation {
    private static final int ENDPOINTS = 10;
    private static final int HEALTHY = 7;

    private PushIsolation() {}

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        StringBuilder table = new StringBuilder("""
                ### Isolation: the 7 healthy endpoints' throughput with 1 stalled and 2 flaky among 10

                | pair | healthy run: 7 endpoints' deliveries/s | with 1 stalled + 2 flaky: same 7 /s | **ratio** | stateless sender, 10 healthy /s | flaky endpoints' deliveries meanwhile |
                |---:|---:|---:|---:|---:|---:|
                """);
        try (HookReceiver receiver = new HookReceiver(); Node node = Pushes.node()) {
            Pushes.publish(node, items);
            byte[] body = Pushes.samplePayload(node);
            List<EndpointId> all = new ArrayList<>();
            List<String> refUrls = new ArrayList<>();
            for (int e = 0; e < ENDPOINTS; e++) {
                all.add(Pushes.endpoint(node, receiver.url("/iso/e" + e)));
                refUrls.add(receiver.url("/ref/e" + e));
            }
            List<EndpointId> healthy = all.subList(0, HEALTHY);
            StatelessSender reference = new StatelessSender();
            List<Double> ratios = new ArrayList<>();
            for (int pair = 0; pair <= pairs; pair++) {
                receiver.reset();
                long t0 = System.nanoTime();
                reference.send(refUrls, items, body);
                double refRate = (double) ENDPOINTS * items / ((System.nanoTime() - t0) / 1e9);

                double calm = run(node, receiver, all, healthy, false);
                double troubled = run(node, receiver, all, healthy, true);
                long flakyDelivered = receiver.delivered("/iso/e8") + receiver.delivered("/iso/e9");
                String line = String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | **%.2f** | %,.0f | %d |%n", pair == 0 ? "warm-up" : Integer.toString(pair),
                        calm, troubled, troubled / calm, refRate, flakyDelivered);
                System.out.print(line);
                table.append(line);
                if (pair > 0) {
                    ratios.add(troubled / calm);
                }
            }
            table.append(Pushes.medianLine(ratios));
        }
        System.out.println();
        System.out.println(table);
        Report.write("push-isolation.md", table.toString());
    }

    /** Replays all 10 from the start; returns the 7 healthy endpoints' deliveries per second until they are all done. */
    private static double run(Node node, HookReceiver receiver, List<EndpointId> all, List<EndpointId> healthy, boolean trouble) throws Exception {
        receiver.reset();
        if (trouble) {
            receiver.stall("/iso/e7");
            receiver.flaky("/iso/e8");
            receiver.flaky("/iso/e9");
        }
        long head = node.ponte.head().seq();
        long t0 = System.nanoTime();
        Pushes.replayFromStart(node, all);
        long t1 = Pushes.awaitCaughtUp(node, healthy, 600);
        double rate = healthy.size() * (double) head / ((t1 - t0) / 1e9);
        if (!trouble) {
            Pushes.awaitCaughtUp(node, all, 600); // the next run starts with every endpoint idle
        }
        return rate;
    }
}

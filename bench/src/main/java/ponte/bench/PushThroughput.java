package ponte.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ponte.core.delivery.EndpointId;

/**
 * Durable webhook deliveries per second against the stateless signed sender, same receiver, same run.
 *
 * <p>{@code M} items are on the log; {@code E} endpoints of one partner replay it from the start, each delivering every
 * entry in order, one request in flight, every outcome committed before the next (attempt row, reach fact, cursor).
 * The clock stops when every endpoint's durable cursor is at the head. The reference sends the same number of
 * requests with the same bytes, signed, from E virtual threads, keeping nothing.
 *
 * <p>Usage: {@code PushThroughput [endpoints] [items] [rounds]} (default 16 2000 6; the first round warms up).
 */
public final class PushThroughput {
    private PushThroughput() {}

    public static void main(String[] args) throws Exception {
        int endpoints = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int items = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        StringBuilder table = new StringBuilder("""
                ### Durable deliveries per second

                | round | endpoints × entries | Ponte deliveries/s | stateless sender /s | **ratio** | CPU cores used (Ponte/ref) |
                |---:|---:|---:|---:|---:|---:|
                """);
        try (HookReceiver receiver = new HookReceiver(); Node node = Pushes.node()) {
            Pushes.publish(node, items);
            byte[] body = Pushes.samplePayload(node);
            List<EndpointId> ids = new ArrayList<>();
            List<String> refUrls = new ArrayList<>();
            for (int e = 0; e < endpoints; e++) {
                ids.add(Pushes.endpoint(node, receiver.url("/ponte/e" + e)));
                refUrls.add(receiver.url("/ref/e" + e));
            }
            StatelessSender reference = new StatelessSender();
            List<Double> ratios = new ArrayList<>();
            long total = (long) endpoints * items;
            for (int round = 0; round < rounds; round++) {
                receiver.reset();
                double cpu0 = Pushes.cpuSeconds();
                long t0 = System.nanoTime();
                long ok = reference.send(refUrls, items, body);
                double refSeconds = (System.nanoTime() - t0) / 1e9;
                double refCores = (Pushes.cpuSeconds() - cpu0) / refSeconds;

                receiver.reset();
                cpu0 = Pushes.cpuSeconds();
                t0 = System.nanoTime();
                Pushes.replayFromStart(node, ids);
                long t1 = Pushes.awaitCaughtUp(node, ids, 600);
                double ponteSeconds = (t1 - t0) / 1e9;
                double ponteCores = (Pushes.cpuSeconds() - cpu0) / ponteSeconds;
                if (ok != total || receiver.total() < total) {
                    System.out.printf("  round %d: reference 2xx %d, Ponte deliveries seen by the receiver %d, expected %d%n", round, ok, receiver.total(), total);
                }
                String line = String.format(Locale.ROOT, "| %s | %d × %d | %,.0f | %,.0f | **%.2f** | %.1f/%.1f |%n", round == 0 ? "warm-up" : Integer.toString(round),
                        endpoints, items, total / ponteSeconds, total / refSeconds, refSeconds / ponteSeconds, ponteCores, refCores);
                System.out.print(line);
                table.append(line);
                if (round > 0) {
                    ratios.add(refSeconds / ponteSeconds);
                }
            }
            table.append(Pushes.medianLine(ratios));
        }
        System.out.println();
        System.out.println(table);
        Report.write("push-throughput.md", table.toString());
    }
}

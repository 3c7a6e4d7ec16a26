package ponte.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import ponte.core.delivery.EndpointId;
import ponte.delivery.DeliverySettings;
import ponte.kafka.KafkaBroker;

/**
 * Publish to the first webhook request at a partner's endpoint: for every item published in the measured window, the
 * time from the 201 reaching the editor's client to the first request for that entry arriving at a real HTTP receiver
 * on loopback ({@link HookReceiver}), which is the whole push: the log, the pusher's read, rendering, signing and the
 * request. In the same run and on the same publishes, the reference is the moment a node's Tail hands the entry
 * on (what the existing publish-to-first-delivery figure stops at), so the gap between the two is what the push adds;
 * and a raw signed POST of the same body from {@link StatelessSender} to the same receiver, at the same rate, is what
 * an HTTP request alone costs here. Each phase is an open loop with warm-up:
 *
 * <ol>
 *   <li>embedded (H2), one endpoint;
 *   <li>the raw POST reference;
 *   <li>Kafka mode, two nodes on one PostgreSQL schema and the in-JVM broker, the endpoint's lease held by the node
 *       that does not take the publishes (it learns of entries only through the topic);
 *   <li>{@code N} endpoints of the partner (default 100), embedded and in Kafka mode (created in turn on both nodes,
 *       so each delivers half), at a lower rate: the first of the N requests for an entry and the last;
 *   <li>PostgreSQL without Kafka, one endpoint on the other node, which learns of entries only by polling.
 * </ol>
 *
 * <p>After each phase the delivering nodes' {@code ponte_delivery_latency_seconds} (append → 2xx, per node) is read
 * from GET /metrics on their management ports, its count and sum taken at the start of the measured window and after
 * the last arrival.
 *
 * <p>Usage: {@code DeliveryLatency [N]}; -Dbench.rate (50 publishes/s), -Dbench.fanout.rate (5/s), -Dbench.warmup
 * and -Dbench.seconds (3 and 10), -Dbench.jit (2,000 publishes flat out before the first phase on fresh nodes),
 * -Dbench.polling=false to leave out the last phase (which waits out the 30 s poll).
 */
public final class DeliveryLatency {
    /** One probe's figures in one phase; {@code handOff} and {@code pushAdds} are empty for the raw POST. */
    private record Row(String mode, int endpoints, String webhook, double perSecond, FirstDelivery.Spread publish,
                       Optional<FirstDelivery.Result> handOff, FirstDelivery.Result webhookResult, Optional<FirstDelivery.Gap> pushAdds) {}

    /** A phase's metric from the nodes beside the harness's own figures for the same phase (first and, fanning out, last request). */
    private record CrossCheck(String mode, int endpoints, DeliveryMetric.Window metric, List<FirstDelivery.Result> webhooks) {}

    private static final String RAW = "reference: raw signed POST (StatelessSender), send → arrival";

    private DeliveryLatency() {}

    public static void main(String[] args) throws Exception {
        int fanOut = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int rate = Integer.getInteger("bench.rate", 50);
        int fanOutRate = Integer.getInteger("bench.fanout.rate", 5);
        boolean polling = Boolean.parseBoolean(System.getProperty("bench.polling", "true"));
        Load.Phases phases = Load.Phases.fromSystemProperties(3, 10);
        LogAppendBenchmark.quietKafkaLogs();
        long started = System.nanoTime();
        String machine = LogAppendBenchmark.machine();
        System.out.println(machine);
        List<Row> rows = new ArrayList<>();
        List<CrossCheck> checks = new ArrayList<>();
        try (HookReceiver receiver = new HookReceiver(); KafkaBroker kafka = new KafkaBroker(); PostgresSchema db = new PostgresSchema("delivery");
                Node embedded = Pushes.node();
                Node kafkaA = Pushes.node(Optional.of(db.url()), Optional.of(kafka.bootstrapServers()), true);
                Node kafkaB = Pushes.node(Optional.of(db.url()), Optional.of(kafka.bootstrapServers()), false)) {
            System.out.printf("receiver, broker and nodes up in %.1f s%n", (System.nanoTime() - started) / 1e9);
            Phase phase = new Phase(receiver, phases, rows, checks);
            phase.run("embedded (H2)", List.of(embedded), 1, rate, true, true, Duration.ofSeconds(20));
            rows.add(raw(receiver, Pushes.samplePayload(embedded), rate, phases));
            phase.run("Kafka mode, delivered by the other node", List.of(kafkaA, kafkaB), 1, rate, true, true, Duration.ofSeconds(20));
            phase.run("embedded (H2)", List.of(embedded), fanOut, fanOutRate, true, false, Duration.ofSeconds(20));
            phase.run("Kafka mode, endpoints spread over both nodes", List.of(kafkaA, kafkaB), fanOut, fanOutRate, true, false, Duration.ofSeconds(20));
            if (polling) {
                try (PostgresSchema pollDb = new PostgresSchema("poll");
                        Node pgA = Pushes.node(Optional.of(pollDb.url()), Optional.empty(), true);
                        Node pgB = Pushes.node(Optional.of(pollDb.url()), Optional.empty(), false)) {
                    // The delivering node hears of nothing: its pusher reads the log every poll interval (30 s by default).
                    phase.run("PostgreSQL without Kafka, delivered by the other node", List.of(pgA, pgB), 1, rate, false, false,
                            DeliverySettings.defaults().poll().plusSeconds(15));
                }
            }
        }
        String report = report(machine, rate, fanOutRate, phases, rows, checks) + String.format(Locale.ROOT,
                "%nTook %.0f s (build excluded); load average at the end %.1f.%n", (System.nanoTime() - started) / 1e9,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println();
        System.out.println(report);
        Report.write("delivery-latency.md", report);
        System.exit(0); // Kafka's and Jetty's non-daemon threads may outlive close() by a while; the figures are written
    }

    /** The same signed body, sent by the least a webhook sender can do, to the same receiver at the same rate. */
    private static Row raw(HookReceiver receiver, byte[] body, int rate, Load.Phases phases) throws InterruptedException {
        StatelessSender sender = new StatelessSender();
        String url = receiver.url("/raw");
        FirstDelivery.Probe arrived = new FirstDelivery.Probe("raw POST at the receiver");
        receiver.onArrival(arrived::saw);
        FirstDelivery d = new FirstDelivery(n -> {
            String id = "msg_raw_" + n;
            long sent = System.nanoTime();
            if (!sender.post(url, id, body)) {
                throw new IOException("the receiver did not answer 2xx to " + id);
            }
            return new FirstDelivery.Publish(id, id, sent, sent, System.currentTimeMillis(), 0);
        }, List.of(arrived));
        double achieved = d.openLoop("raw POST @" + rate + "/s", rate, phases.warmUp(), phases.measure());
        FirstDelivery.Result r = d.results().getFirst();
        return new Row(RAW, 1, String.format(Locale.ROOT, "%,d-byte body", body.length), achieved, d.publishLatency(), Optional.empty(), r,
                Optional.empty());
    }

    /** One phase of the measurement on one receiver; adds its rows and its cross-check. */
    private record Phase(HookReceiver receiver, Load.Phases phases, List<Row> rows, List<CrossCheck> checks) {
        /**
         * {@code tailsShared}: the log reaches every node's tail (one node, or Kafka); {@code jit}: the nodes are fresh,
         * warm them up first; {@code wait}: for the last arrivals.
         */
        void run(String mode, List<Node> nodes, int n, int rate, boolean tailsShared, boolean jit, Duration wait) throws Exception {
            String label = mode + ", " + n + " endpoint" + (n == 1 ? "" : "s");
            System.out.println("== " + label + " @" + rate + "/s");
            String path = "/" + Integer.toHexString(label.hashCode()) + "/";
            Map<EndpointId, Node> created = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                // Creating an endpoint claims its lease on that node at once: the first on the last node (the first
                // publishes), then in turn. Lease balancing alone would not spread them (see docs/benchmarks.md).
                Node creator = nodes.get(nodes.size() - 1 - i % nodes.size());
                created.put(Pushes.endpoint(creator, receiver.url(path + i)), creator);
            }
            List<EndpointId> ids = List.copyOf(created.keySet());
            Placement placed = Placement.await(nodes, ids);
            System.out.printf("  endpoints per node %s; publishing on node %d%n", nodes.stream().map(placed.delivering()::get).toList(),
                    nodes.indexOf(placed.publisher()) + 1);
            if (jit) {
                warmUp(placed.publisher(), ids);
            }
            FirstDelivery.Probe handOff = new FirstDelivery.Probe("Tail hand-off", placed.handOff(tailsShared).stream().map(node -> node.ponte).toList());
            FirstDelivery.Probe first = new FirstDelivery.Probe("first webhook request");
            FirstDelivery.Probe all = new FirstDelivery.Probe("last of the " + n + " endpoints' first requests");
            receiver.onArrival(arrivals(ids, first, all));
            List<FirstDelivery.Probe> probes = n == 1 ? List.of(handOff, first) : List.of(handOff, first, all);
            FirstDelivery d = new FirstDelivery(FirstDelivery.publishing(placed.publisher()), probes);
            DeliveryMetric metric = new DeliveryMetric(placed.deliverers(), phases.warmUp());
            double achieved = d.openLoop(mode + " x" + n + " @" + rate + "/s", rate, phases.warmUp(), phases.measure());
            List<FirstDelivery.Result> results = d.results(wait);
            DeliveryMetric.Window measured = metric.end();
            if (!Placement.now(nodes, ids).equals(Optional.of(placed.delivering()))) {
                System.out.println("  WARNING: an endpoint moved between nodes during the measurement");
            }
            for (var e : created.entrySet()) {
                e.getValue().client.delete("/v1/endpoints/" + e.getKey(), e.getValue().partnerKey());
            }
            checks.add(new CrossCheck(mode, n, measured, results.subList(1, results.size())));
            for (int i = 1; i < probes.size(); i++) {
                FirstDelivery.Result r = results.get(i);
                if (r.missing() > 0) {
                    System.out.printf("  FAILURE: %d of %d entries never reached the receiver (%s)%n", r.missing(), r.missing() + r.samples(), r.probe());
                }
                rows.add(new Row(mode, n, r.probe(), achieved, d.publishLatency(), Optional.of(results.getFirst()), r,
                        Optional.of(d.between(handOff, probes.get(i)))));
            }
        }
    }

    /**
     * Publishes flat out (8 clients) until the node has taken {@code bench.jit} publishes (2,000) or 30 s passed, then
     * waits until the endpoints caught up. A count, not a time: on this shared machine a fresh node took 9–72
     * publishes/s in its first 5 s (280/s once warm), and 5 s of it still left the first phase measuring a backlog (201 → webhook
     * p50 0.9 s at 50/s, against 1.6–4 ms in phases run after a warm one).
     */
    private static void warmUp(Node node, List<EndpointId> ids) throws Exception {
        FirstDelivery.Source publishing = FirstDelivery.publishing(node);
        AtomicLong story = new AtomicLong();
        int target = Integer.getInteger("bench.jit", 2000);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (story.get() < target && System.nanoTime() < deadline) {
            Load.run("JIT warm-up", 8, new Load.Phases(Duration.ofSeconds(1), Duration.ZERO), w -> () -> publishing.send(story.incrementAndGet()).bytes());
        }
        Pushes.awaitCaughtUp(node, ids, 120);
    }

    /**
     * Requests of these endpoints only (a deleted endpoint's worker on another node may send a little longer), each
     * webhook-id once (a re-send does not count): {@code first} sees an entry at its first request, {@code all} when
     * the last of the endpoints got its own. The webhook-id is {@code msg_<endpoint>_<cursor>}.
     */
    private static BiConsumer<String, Long> arrivals(List<EndpointId> ids, FirstDelivery.Probe first, FirstDelivery.Probe all) {
        Set<String> endpoints = ids.stream().map(EndpointId::value).collect(Collectors.toSet());
        Set<String> counted = ConcurrentHashMap.newKeySet();
        Map<String, AtomicInteger> reached = new ConcurrentHashMap<>();
        return (webhookId, at) -> {
            int split = webhookId.lastIndexOf('_');
            if (!webhookId.startsWith("msg_") || split < 4 || !endpoints.contains(webhookId.substring(4, split)) || !counted.add(webhookId)) {
                return;
            }
            String cursor = webhookId.substring(split + 1);
            first.saw(cursor, at);
            if (reached.computeIfAbsent(cursor, c -> new AtomicInteger()).incrementAndGet() == endpoints.size()) {
                all.saw(cursor, at);
            }
        };
    }

    private static String report(String machine, int rate, int fanOutRate, Load.Phases phases, List<Row> rows, List<CrossCheck> checks) {
        StringBuilder out = new StringBuilder(machine).append("\n\n");
        out.append(String.format(Locale.ROOT, "### Publish to first webhook delivery: from the 201 to the request at the receiver "
                + "(%d s warm-up + %d s measured each; one endpoint at %d publishes/s, fan-out at %d/s)%n%n",
                phases.warmUp().toSeconds(), phases.measure().toSeconds(), rate, fanOutRate));
        out.append("Hand-off: the first of the delivering nodes' Tails to hand the entry on (without Kafka, the publishing node's: the "
                + "delivering node's tail hears of nothing). A woken pusher reads the log from the database, so a request may come before "
                + "its own entry's hand-off (counted). Negative: before the 201 reached the client, or before the hand-off.\n\n");
        out.append("| mode | endpoints | webhook | publishes/s | publish p50 / p99 ms | 201 → hand-off p50 / p99 ms "
                + "| **201 → webhook p50 ms** | **p99 ms** | max ms | hand-off → webhook p50 / p99 ms | webhook before hand-off "
                + "| samples | missing |\n|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            FirstDelivery.Spread w = row.webhookResult().from201();
            out.append(String.format(Locale.ROOT, "| %s | %d | %s | %,.0f | %s | %s | **%.1f** | **%.1f** | %.1f | %s | %s | %d | %d |%n",
                    row.mode(), row.endpoints(), row.webhook(), row.perSecond(), row.handOff().isEmpty() ? "-" : pair(row.publish()),
                    row.handOff().map(h -> pair(h.from201())).orElse("-"), w.p50(), w.p99(), w.max(),
                    row.pushAdds().map(g -> pair(g.spread())).orElse("-"), row.pushAdds().map(g -> Long.toString(g.reversed())).orElse("-"),
                    row.webhookResult().samples(), row.webhookResult().missing()));
        }
        FirstDelivery.Spread raw = rows.stream().filter(r -> r.mode().equals(RAW)).findFirst().orElseThrow().webhookResult().from201();
        out.append("\nRatios (same run): what the push adds per entry (hand-off → webhook) over the raw POST's send → arrival; "
                + "and the whole 201 → webhook over 201 → hand-off, where the hand-off p50 is at least 1 ms:\n\n"
                + "| mode | endpoints | webhook | **hand-off → webhook ÷ raw POST, p50** | p99 | 201 → webhook ÷ 201 → hand-off, p50 |\n"
                + "|---|---:|---|---:|---:|---:|\n");
        for (Row row : rows) {
            if (row.pushAdds().isEmpty()) {
                continue;
            }
            FirstDelivery.Spread adds = row.pushAdds().get().spread();
            double handOff = row.handOff().orElseThrow().from201().p50();
            out.append(String.format(Locale.ROOT, "| %s | %d | %s | **%.1f** | %.1f | %s |%n", row.mode(), row.endpoints(), row.webhook(),
                    adds.p50() / raw.p50(), adds.p99() / raw.p99(),
                    handOff >= 1 ? String.format(Locale.ROOT, "%.1f", row.webhookResult().from201().p50() / handOff) : "-"));
        }
        out.append("\nCross-check with the delivering nodes' `ponte_delivery_latency_seconds` (GET /metrics on the management port; from the entry's "
                + "append to the 2xx back at the pusher, every request the delivering nodes made in the window (each phase's endpoints are deleted "
                + "before the next); count and sum read when the measured window opened "
                + "and after the last arrival, so deliveries of warm-up entries made in the window count too; max is Micrometer's decaying "
                + "maximum over about two minutes). The metric's clock starts at the append, between the POST being sent and the 201, and "
                + "stops when the 2xx is back at the pusher, after the request arrived; the harness's means are of the first / last "
                + "of the endpoints' requests:\n\n"
                + "| mode | endpoints | deliveries counted | **metric mean ms** | harness mean ms: POST sent → webhook | 201 → webhook "
                + "| metric max ms | failed attempts |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (CrossCheck c : checks) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %,d | **%.1f** | %s | %s | %.1f | %d |%n", c.mode(), c.endpoints(), c.metric().count(),
                    c.metric().meanMs(), means(c.webhooks(), FirstDelivery.Result::fromSent), means(c.webhooks(), FirstDelivery.Result::from201),
                    c.metric().maxMs(), c.metric().failed()));
        }
        return out.toString();
    }

    private static String means(List<FirstDelivery.Result> results, Function<FirstDelivery.Result, FirstDelivery.Spread> which) {
        return results.stream().map(r -> String.format(Locale.ROOT, "%.1f", which.apply(r).mean())).collect(Collectors.joining(" / "));
    }

    private static String pair(FirstDelivery.Spread s) {
        return String.format(Locale.ROOT, "%.1f / %.1f", s.p50(), s.p99());
    }
}

package ponte.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import ponte.core.delivery.EndpointId;
import ponte.delivery.DeliverySettings;
import ponte.formats.NinjsWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What the push benchmarks share: a node that may push to loopback, endpoints on the receiver, and waiting for cursors. */
final class Pushes {
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private Pushes() {}

    static Node node() throws Exception {
        return Node.start(DeliverySettings.defaults().allowingPrivate(true));
    }

    /** A node on PostgreSQL (and Kafka, if given) that may push to loopback; see {@link Node#start(Optional, Optional, boolean)}. */
    static Node node(Optional<String> databaseUrl, Optional<String> kafkaBootstrap, boolean setUp) throws Exception {
        return Node.start(databaseUrl, kafkaBootstrap, setUp, DeliverySettings.defaults().allowingPrivate(true));
    }

    /** Publishes {@code n} items with 8 editors at once; returns the last cursor. */
    static void publish(Node node, int n) throws Exception {
        AtomicLong story = new AtomicLong();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                done.add(pool.submit(() -> {
                    for (long i = story.incrementAndGet(); i <= n; i = story.incrementAndGet()) {
                        node.client.post("/v1/items", node.editorKey(), Node.item("push " + i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
    }

    /** Creates an endpoint of the bench partner pointing at {@code url}; returns its id. */
    static EndpointId endpoint(Node node, String url) throws Exception {
        JsonNode created = NinjsWriter.mapper().readTree(node.client.post("/v1/endpoints", node.partnerKey(), "{\"url\":\"" + url + "\"}").body());
        return new EndpointId(created.get("id").asString());
    }

    static void replayFromStart(Node node, List<EndpointId> endpoints) throws Exception {
        for (EndpointId id : endpoints) {
            node.client.post("/v1/endpoints/" + id + "/replay", node.partnerKey(), "{\"from\":\"c0\"}");
        }
    }

    /**
     * Waits until every endpoint's durable cursor is at the head of the log; returns System.nanoTime then. One count
     * query every 10 ms: asking per endpoint would itself load the database the pusher is writing to.
     */
    static long awaitCaughtUp(Node node, List<EndpointId> endpoints, long timeoutSeconds) throws Exception {
        long head = node.ponte.head().seq();
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        boolean all = endpoints.size() > 100; // the fan-out: every endpoint there is
        String sql = "select count(*) from endpoint_cursors where seq < ?"
                + (all ? "" : " and endpoint_id in (" + String.join(",", java.util.Collections.nCopies(endpoints.size(), "?")) + ")");
        try (java.sql.Connection c = node.ponte.dataSource().getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, head);
            for (int i = 0; !all && i < endpoints.size(); i++) {
                ps.setString(i + 2, endpoints.get(i).value());
            }
            while (true) {
                long behind;
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    behind = rs.getLong(1);
                }
                if (behind == 0) {
                    return System.nanoTime();
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(behind + " endpoints did not catch up within " + timeoutSeconds + " s");
                }
                Thread.sleep(10);
            }
        }
    }

    /** The body a Ponte delivery of the bench item carries, for the reference sender to send the same bytes. */
    static byte[] samplePayload(Node node) throws Exception {
        JsonNode page = NinjsWriter.mapper().readTree(node.client.get("/v1/feed?limit=1", node.partnerKey()).body());
        JsonNode entry = page.get("entries").get(0);
        ObjectNode payload = NinjsWriter.mapper().createObjectNode().put("type", "item.published").put("timestamp", "2026-11-23T00:00:00Z");
        payload.set("data", entry);
        return NinjsWriter.mapper().writeValueAsBytes(payload);
    }

    /** The median ratio of the measured rounds, and their range: on this shared machine single rounds swing 2×. */
    static String medianLine(List<Double> ratios) {
        List<Double> sorted = ratios.stream().sorted().toList();
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        return String.format(Locale.ROOT, "%nMedian ratio of the %d measured rounds: **%.2f** (range %.2f–%.2f).%n",
                sorted.size(), median, sorted.getFirst(), sorted.getLast());
    }

    static double cpuSeconds() {
        return PROCESS.getProcessCpuTime() / 1e9;
    }

    static String machine() {
        return String.format(Locale.ROOT, "%d cores, JDK %s", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    }
}

package ponte.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;
import ponte.kafka.KafkaBroker;
import ponte.kafka.KafkaSettings;

/**
 * Production mode against embedded mode and against Kafka itself, in one run on one machine:
 *
 * <ol>
 *   <li>Log append throughput with N closed-loop clients publishing over HTTP (a 201 is a durable commit): embedded
 *       H2; PostgreSQL without Kafka; Kafka mode (PostgreSQL, relayed to a topic on an in-JVM broker); and as
 *       references a bare idempotent acks=all producer sending records of the relay's size to the same broker, and a
 *       bare transactional producer sending batches the way the relay does.
 *   <li>Publish-to-first-delivery: from the 201 to the moment a node's Tail hands the entry on, embedded (the
 *       node's own tail) and Kafka mode with two nodes (the other node's tail), at a steady rate and at saturation.
 * </ol>
 *
 * <p>The throughput modes take turns in {@code bench.rounds} rounds, so that each meets the neighbours' load on this
 * shared machine about equally; Kafka mode is measured once more on tables PostgreSQL has never analysed (this server
 * runs with autovacuum off), then both PostgreSQL schemas are analysed as autovacuum would have done.
 *
 * <p>Usage: {@code LogAppendBenchmark [clients]} (default 16); -Dbench.rate (200 publishes/s for the steady load),
 * -Dbench.rounds (2), -Dbench.warmup and -Dbench.seconds (3 and 10: warm-up per measurement, and seconds measured per
 * mode, split over the rounds; latency phases measure the whole). About three and a half minutes in all.
 */
public final class LogAppendBenchmark {
    private static final String LOG_TOPIC = KafkaSettings.DEFAULT_TOPIC;
    private static final AtomicLong STORY = new AtomicLong();

    static final String BARE = "bare producer: idempotent, acks=all, linger 1 ms (the relay's settings)";
    static final String EMBEDDED = "embedded (H2)";
    static final String POSTGRES = "PostgreSQL, no Kafka";
    static final String KAFKA = "Kafka mode (PostgreSQL + relay)";
    private static final String KAFKA_FRESH = "Kafka mode, tables never analysed (fresh deployment, autovacuum off here)";

    private LogAppendBenchmark() {}

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int rate = Integer.getInteger("bench.rate", 200);
        int rounds = Integer.getInteger("bench.rounds", 2);
        Load.Phases phases = Load.Phases.fromSystemProperties(3, 10);
        // The throughput modes take turns, round after round, so that each meets the neighbours' load about equally.
        Load.Phases round = new Load.Phases(phases.warmUp(), phases.measure().dividedBy(rounds));
        quietKafkaLogs();
        long started = System.nanoTime();
        String machine = machine();
        System.out.println(machine);
        List<LogAppendReport.Row> throughput = new ArrayList<>();
        Map<String, RelayWatch.Figures> relay = new LinkedHashMap<>();
        List<LogAppendReport.LatencyRow> latency = new ArrayList<>();
        List<String> relayDuringLatency = new ArrayList<>();
        try (KafkaBroker kafka = new KafkaBroker(); PostgresSchema kafkaDb = new PostgresSchema("kafka"); PostgresSchema pgDb = new PostgresSchema("pg");
                Node kafkaNode = Node.start(Optional.of(kafkaDb.url()), Optional.of(kafka.bootstrapServers()), true);
                Node postgres = Node.start(Optional.of(pgDb.url()), Optional.empty(), true);
                Node embedded = Node.start()) {
            String bootstrap = kafka.bootstrapServers();
            System.out.printf("broker and nodes up in %.1f s%n", (System.nanoTime() - started) / 1e9);
            FirstDelivery.Probe ownKafkaTail = new FirstDelivery.Probe("Kafka mode: publishing node's tail (via the topic)", kafkaNode.ponte);
            FirstDelivery.Probe embeddedTail = new FirstDelivery.Probe("embedded: the node's own tail", embedded.ponte);

            // Compile the request path of each kind of node before anything counts; the relay's first records are
            // also the bytes the bare producers send, so the reference writes records of exactly the same size.
            Load.Phases jit = new Load.Phases(Duration.ofSeconds(Integer.getInteger("bench.jit", 3)), Duration.ZERO);
            for (Node node : List.of(kafkaNode, postgres, embedded)) {
                Load.run("JIT warm-up", clients, jit, w -> publishing(node, new AtomicLong()));
            }
            awaitTail(kafkaNode, Duration.ofSeconds(30));
            BareProducer.Payload payload = BareProducer.firstRecord(bootstrap, LOG_TOPIC);
            System.out.printf("relay record: key %d bytes, value %d bytes%n", payload.key().length, payload.value().length);
            String bytes = String.format(Locale.ROOT, "records of %,d bytes, one producer shared by %d threads each awaiting its ack", payload.size(), clients);

            // This server runs with autovacuum off, so tables that just grew from nothing have no statistics, as on
            // any fresh deployment until autovacuum's first ANALYZE. Measured once like that, then analysed.
            relay.put("before the first ANALYZE", kafkaRound(KAFKA_FRESH, 0, kafkaNode, kafkaDb, bootstrap, clients, round, throughput));
            kafkaDb.analyze();
            pgDb.analyze();

            BareProducer.createTopic(bootstrap, "bench.bare");
            try (BareProducer bare = BareProducer.idempotent(bootstrap, "bench.bare", payload, 1)) {
                for (int r = 1; r <= rounds; r++) {
                    throughput.add(new LogAppendReport.Row(BARE, r, Load.run("bare producer", clients, round, w -> bare::send), bytes));
                    throughput.add(node(EMBEDDED, r, embedded, clients, round, ""));
                    throughput.add(node(POSTGRES, r, postgres, clients, round, pgDb.floor()));
                    relay.put("round " + r, kafkaRound(KAFKA, r, kafkaNode, kafkaDb, bootstrap, clients, round, throughput));
                }
            }
            throughput.addAll(otherProducers(bootstrap, payload, clients, round, bytes));

            // A second node on the same database and topic: it hears of entries only through Kafka.
            try (Node second = Node.start(Optional.of(kafkaDb.url()), Optional.of(bootstrap), false);
                    TopicWatch topic = new TopicWatch(bootstrap, LOG_TOPIC)) {
                FirstDelivery.Probe otherTail = new FirstDelivery.Probe("Kafka mode: the OTHER node's tail", second.ponte);
                List<FirstDelivery.Probe> kafkaProbes = List.of(otherTail, ownKafkaTail);
                latency.addAll(steady("embedded", new FirstDelivery(embedded, List.of(embeddedTail)), rate, phases));
                RelayWatch.Counters before = RelayWatch.Counters.now(kafkaNode, bootstrap);
                FirstDelivery steady = new FirstDelivery(kafkaNode, kafkaProbes);
                latency.addAll(steady("Kafka mode", steady, rate, phases));
                relayDuringLatency.add("at " + rate + "/s: " + steady.split(topic) + "; " + RelayWatch.Counters.now(kafkaNode, bootstrap).since(before));
                latency.addAll(saturated("embedded", new FirstDelivery(embedded, List.of(embeddedTail)), clients, phases));
                before = RelayWatch.Counters.now(kafkaNode, bootstrap);
                FirstDelivery saturated = new FirstDelivery(kafkaNode, kafkaProbes);
                latency.addAll(saturated("Kafka mode", saturated, clients, phases));
                relayDuringLatency.add("at saturation: " + saturated.split(topic) + "; " + RelayWatch.Counters.now(kafkaNode, bootstrap).since(before));
            }
        }
        String report = LogAppendReport.report(machine, clients, rounds, round, phases, throughput, relay, latency, relayDuringLatency)
                + String.format(Locale.ROOT, "%nTook %.0f s (build excluded); load average at the end %.1f.%n", (System.nanoTime() - started) / 1e9,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println();
        System.out.println(report);
        Path dir = Path.of(System.getProperty("bench.results", "bench/target/results"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("log-append.md"), report);
        // Kafka's and Jetty's non-daemon threads may outlive close() by a while; the figures are written.
        System.exit(0);
    }

    private static RelayWatch.Figures kafkaRound(String mode, int round, Node node, PostgresSchema db, String bootstrap, int clients,
            Load.Phases phases, List<LogAppendReport.Row> throughput) throws Exception {
        String floor = db.floor();
        RelayWatch watch = new RelayWatch(node, bootstrap, phases);
        throughput.add(node(mode, round, node, clients, phases, floor));
        return watch.finish();
    }

    private static Load.Call publishing(Node node, AtomicLong acknowledged) {
        return () -> {
            int bytes = node.client.post("/v1/items", node.editorKey(), Node.item("t" + STORY.incrementAndGet())).body().length;
            acknowledged.incrementAndGet();
            return bytes;
        };
    }

    /** Kafka 4's default linger, and the relay's transactional loop with the smallest and the largest batch. */
    private static List<LogAppendReport.Row> otherProducers(String bootstrap, BareProducer.Payload payload, int clients, Load.Phases phases, String bytes)
            throws Exception {
        List<LogAppendReport.Row> rows = new ArrayList<>();
        BareProducer.createTopic(bootstrap, "bench.bare.linger5");
        try (BareProducer producer = BareProducer.idempotent(bootstrap, "bench.bare.linger5", payload, 5)) {
            rows.add(new LogAppendReport.Row("bare producer: as above, linger 5 ms (Kafka 4's default)", 0,
                    Load.run("bare producer linger 5", clients, phases, w -> producer::send), bytes));
        }
        for (int batch : new int[] {1, 500}) {
            String topic = "bench.tx.batch" + batch;
            BareProducer.createTopic(bootstrap, topic);
            try (BareProducer producer = BareProducer.transactional(bootstrap, topic, payload)) {
                Load.Result r = Load.run("bare transactional x" + batch, 1, phases, w -> () -> producer.sendBatch(batch));
                Load.Result perRecord = new Load.Result(r.name(), 1, r.calls() * batch, r.seconds(), r.bytes(), r.latency(), r.cores(), r.errors(), r.firstError());
                rows.add(new LogAppendReport.Row("bare transactional producer (the relay's settings), " + batch + " record" + (batch == 1 ? "" : "s") + " per transaction", 0,
                        perRecord, String.format(Locale.ROOT, "one thread, as the relay; %,.0f transactions/s; p50/p99 are per transaction", r.perSecond())));
            }
        }
        return rows;
    }

    /** Closed-loop publishing on one node, with the log writer's CPU per item and the writer queue it found. */
    private static LogAppendReport.Row node(String mode, int round, Node node, int clients, Load.Phases phases, String floor) throws InterruptedException {
        AtomicLong acknowledged = new AtomicLong();
        long headBefore = node.ponte.head().seq();
        long writerCpu = ThreadCpu.of("ponte-log-writer");
        QueueSampler queue = new QueueSampler(node, phases);
        Load.Result r = Load.run(mode, clients, phases, w -> publishing(node, acknowledged));
        long appended = node.ponte.head().seq() - headBefore;
        double writerMs = (ThreadCpu.of("ponte-log-writer") - writerCpu) / 1e6 / appended;
        if (appended != acknowledged.get()) {
            throw new IllegalStateException(mode + ": " + acknowledged.get() + " answers 2xx but the log grew by " + appended);
        }
        System.out.printf("  %s: %d answered 2xx = %d appended to the log%n", mode, acknowledged.get(), appended);
        return new LogAppendReport.Row(mode, round, r, String.format(Locale.ROOT, "log writer %.3f CPU ms/item; writer queue %.1f waiting on average%s",
                writerMs, queue.mean(), floor.isEmpty() ? "" : "; " + floor));
    }

    private static List<LogAppendReport.LatencyRow> steady(String mode, FirstDelivery d, int rate, Load.Phases phases) throws InterruptedException {
        double achieved = d.openLoop(mode + " @" + rate + "/s", rate, phases.warmUp(), phases.measure());
        return rows(rate + "/s open loop", achieved, d);
    }

    private static List<LogAppendReport.LatencyRow> saturated(String mode, FirstDelivery d, int clients, Load.Phases phases) throws InterruptedException {
        long start = System.nanoTime();
        d.window(start + phases.warmUp().toNanos(), start + phases.warmUp().plus(phases.measure()).toNanos());
        Load.run(mode + " saturated", clients, phases, w -> d::publish);
        return rows("saturation, " + clients + " clients", d.acknowledged() / (phases.measure().toNanos() / 1e9), d);
    }

    private static List<LogAppendReport.LatencyRow> rows(String load, double achieved, FirstDelivery d) throws InterruptedException {
        List<LogAppendReport.LatencyRow> rows = new ArrayList<>();
        FirstDelivery.Spread publish = d.publishLatency();
        for (FirstDelivery.Result r : d.results()) {
            rows.add(new LogAppendReport.LatencyRow(load, achieved, publish, r));
        }
        return rows;
    }

    /** Waits until the node's tail has handed on everything its database holds. */
    static long awaitTail(Node node, Duration atMost) throws InterruptedException {
        long head = node.ponte.head().seq();
        long start = System.nanoTime();
        while (node.ponte.heard().seq() < head) {
            if (System.nanoTime() - start > atMost.toNanos()) {
                throw new IllegalStateException("the tail is at " + node.ponte.heard().seq() + ", the log at " + head + " after " + atMost);
            }
            Thread.sleep(5);
        }
        return System.nanoTime() - start;
    }

    static String machine() throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        return String.format(Locale.ROOT, "%s; nproc %d; CPU \"%s\"; JDK %s %s; PostgreSQL %s; Kafka 4.3.1 in-JVM (KRaft, one combined node); load average %.1f",
                Instant.now().truncatedTo(ChronoUnit.MINUTES), Runtime.getRuntime().availableProcessors(), cpu,
                System.getProperty("java.vm.vendor"), System.getProperty("java.runtime.version"), PostgresSchema.serverVersion(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The broker and every client log at INFO by default: thousands of lines that would bury the progress. */
    static void quietKafkaLogs() {
        LoggerContext logs = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (String name : List.of("org.apache.kafka", "kafka", "state.change.logger", "org.apache.kafka.clients")) {
            logs.getLogger(name).setLevel(Level.WARN);
        }
    }
}

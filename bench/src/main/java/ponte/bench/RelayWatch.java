package ponte.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import ponte.core.log.Cursor;
import ponte.kafka.KafkaSettings;

/**
 * What the relay did during the Kafka-mode throughput phase: entries reaching the node's tail per second while
 * measured, how far the tail was behind the database when the load stopped, how long it took to catch up, and the
 * mean records per Kafka transaction (offsets advanced minus records = commit markers = transactions).
 */
final class RelayWatch {
    private final Node node;
    private final String bootstrap;
    private final long headBefore;
    private final long offsetBefore;
    private final long relayCpu;
    private final long tailCpu;
    private final double commitNanos;
    private final double retries;
    private volatile long tailAtMeasureStart;
    private volatile long tailAtMeasureEnd;
    private volatile long headAtMeasureEnd;
    private final Duration measure;

    RelayWatch(Node node, String bootstrap, Load.Phases phases) throws InterruptedException {
        this.node = node;
        this.bootstrap = bootstrap;
        this.measure = phases.measure();
        LogAppendBenchmark.awaitTail(node, Duration.ofSeconds(30));
        headBefore = node.ponte.head().seq();
        offsetBefore = BareProducer.endOffset(bootstrap, KafkaSettings.DEFAULT_TOPIC);
        relayCpu = ThreadCpu.of("ponte-kafka-relay");
        tailCpu = ThreadCpu.of("ponte-kafka-tail");
        commitNanos = relayProducerMetric("txn-commit-time-ns-total");
        retries = relayProducerMetric("record-retry-total");
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(phases.warmUp());
                tailAtMeasureStart = node.ponte.heard().seq();
                Thread.sleep(phases.measure());
                tailAtMeasureEnd = node.ponte.heard().seq();
                headAtMeasureEnd = node.ponte.head().seq();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** The relay's figures for one Kafka-mode measurement. */
    record Figures(double tailPerSecond, long behindAtStop, double catchUpMs, long records, long transactions, double relayCpuMs, double tailCpuMs,
            double commitMs, long retries, double sinceMs) {
        double perTransaction() {
            return (double) records / transactions;
        }
    }

    Figures finish() throws InterruptedException {
        long catchUp = LogAppendBenchmark.awaitTail(node, Duration.ofSeconds(60));
        long records = node.ponte.head().seq() - headBefore;
        long transactions = BareProducer.endOffset(bootstrap, KafkaSettings.DEFAULT_TOPIC) - offsetBefore - records;
        return new Figures((tailAtMeasureEnd - tailAtMeasureStart) / (measure.toNanos() / 1e9), headAtMeasureEnd - tailAtMeasureEnd,
                catchUp / 1e6, records, transactions,
                (ThreadCpu.of("ponte-kafka-relay") - relayCpu) / 1e6 / records,
                (ThreadCpu.of("ponte-kafka-tail") - tailCpu) / 1e6 / records,
                (relayProducerMetric("txn-commit-time-ns-total") - commitNanos) / 1e6 / transactions,
                Math.round(relayProducerMetric("record-retry-total") - retries), sinceMs(node));
    }

    /** The relay's read (ContentLog.since) of the last 16 entries, as it reads a batch under load: p50 of 31 calls. */
    private static double sinceMs(Node node) {
        long head = node.ponte.head().seq();
        long[] nanos = new long[31];
        for (int i = 0; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            node.ponte.log().since(new Cursor(Math.max(0, head - 16)), 500);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        return nanos[nanos.length / 2] / 1e6;
    }

    /** The relay's running totals, for what it did while latency was measured. */
    record Counters(long topicEnd, long head, double commitNanos, double retries) {
        static Counters now(Node node, String bootstrap) {
            return new Counters(BareProducer.endOffset(bootstrap, KafkaSettings.DEFAULT_TOPIC), node.ponte.head().seq(),
                    relayProducerMetric("txn-commit-time-ns-total"), relayProducerMetric("record-retry-total"));
        }

        /** Transactions, records per transaction, mean commit time and records retried since {@code before}. */
        String since(Counters before) {
            long records = head - before.head;
            long transactions = topicEnd - before.topicEnd - records;
            return String.format(Locale.ROOT, "%,d transactions of %.1f records on average, commitTransaction %.1f ms on average, %,d records retried",
                    transactions, (double) records / transactions, (commitNanos - before.commitNanos) / 1e6 / transactions, Math.round(retries - before.retries));
        }
    }

    /**
     * A metric of the relay's producer, read from JMX where every Kafka client registers its metrics (client id
     * ponte-relay-…), so the relay's own commit time is measured without touching its code.
     */
    private static double relayProducerMetric(String name) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            double sum = 0;
            for (ObjectName producer : server.queryNames(new ObjectName("kafka.producer:type=producer-metrics,client-id=ponte-relay-*"), null)) {
                sum += ((Number) server.getAttribute(producer, name)).doubleValue();
            }
            return sum;
        } catch (JMException e) {
            throw new IllegalStateException("reading " + name + " of the relay's producer", e);
        }
    }
}

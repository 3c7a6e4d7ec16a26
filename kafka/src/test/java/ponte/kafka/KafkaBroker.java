package ponte.kafka;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker (KRaft, combined controller and broker) inside the calling JVM, for the production-mode tests
 * and the benchmarks (shipped in this module's test jar).
 */
public final class KafkaBroker implements AutoCloseable {
    private static KafkaBroker shared;

    private final KafkaClusterTestKit cluster;

    /** One broker for the whole test JVM, started on first use (it takes seconds) and stopped when the JVM ends. */
    public static synchronized KafkaBroker shared() {
        if (shared == null) {
            // Kafka halts its JVM on faults it deems fatal (log directories gone among them), and at the test JVM's end
            // the test kit's shutdown hooks delete its directories while the broker may still be stopping. Forks in
            // production mode were seen ending with an error after every test had passed, with no dump and no crash
            // log; this is the likeliest cause. A broker in a test JVM must never end that JVM: it says so, goes on.
            Exit.Procedure refuse = (code, message) -> System.err.println("in-JVM Kafka broker asked to end the JVM ("
                    + code + "): " + message + "; refused");
            Exit.setHaltProcedure(refuse);
            Exit.setExitProcedure(refuse);
            try {
                shared = new KafkaBroker();
            } catch (Exception e) {
                throw new IllegalStateException("could not start the in-JVM Kafka broker", e);
            }
            KafkaBroker started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (Exception ignored) {
                    // the JVM is ending
                }
            }));
        }
        return shared;
    }

    public KafkaBroker() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                // One broker: internal topics cannot have three replicas, or consumer groups and transactions never work.
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("transaction.state.log.num.partitions", "1")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}

package ponte.bench;

import ponte.kafka.KafkaBroker;

/**
 * A single-node KRaft Kafka broker in a process of its own (kafka's test kit, as the tests use), for trying
 * production mode on one machine without installing Kafka: {@code bench/three-nodes.sh} starts three Ponte nodes
 * against it. Prints {@code BOOTSTRAP host:port}, then runs until killed. Not for production: one broker, no
 * replication, its log in a temporary directory.
 */
public final class StandaloneBroker {
    private StandaloneBroker() {}

    public static void main(String[] args) throws Exception {
        KafkaBroker broker = new KafkaBroker();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.close();
            } catch (Exception ignored) {
                // the process is ending either way
            }
        }));
        System.out.println("BOOTSTRAP " + broker.bootstrapServers());
        Thread.currentThread().join();
    }
}

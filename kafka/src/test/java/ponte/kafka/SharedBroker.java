package ponte.kafka;

/** One in-JVM broker for this module's tests (it takes seconds to start); each test writes its own topic. */
final class SharedBroker {
    private static KafkaBroker broker;
    private static int topics;

    private SharedBroker() {}

    static synchronized String bootstrapServers() {
        if (broker == null) {
            try {
                broker = new KafkaBroker();
            } catch (Exception e) {
                throw new IllegalStateException("the test broker did not start", e);
            }
            KafkaBroker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (Exception ignored) {
                    // the JVM is going away
                }
            }));
        }
        return broker.bootstrapServers();
    }

    /** Settings for a topic no other test has used. */
    static synchronized KafkaSettings freshTopic() {
        return new KafkaSettings(bootstrapServers(), "ponte.test." + ++topics);
    }
}

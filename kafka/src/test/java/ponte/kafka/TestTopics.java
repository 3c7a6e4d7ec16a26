package ponte.kafka;

/** Topics of this module's tests, each test its own, on the JVM's one broker. */
final class TestTopics {
    private static int topics;

    private TestTopics() {}

    /** Settings for a topic no other test has used. */
    static synchronized KafkaSettings freshTopic() {
        return new KafkaSettings(KafkaBroker.shared().bootstrapServers(), "ponte.test." + ++topics);
    }
}

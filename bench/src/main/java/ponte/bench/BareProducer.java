package ponte.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The references for Kafka mode: what a bare producer gets from the same broker for records of the same size, with
 * no database and no HTTP in front. {@link #idempotent} is the plain durable send (acks=all, idempotent); {@link
 * #transactional} sends batches the way ponte.kafka.LogRelay does (one transaction per batch, one partition).
 */
final class BareProducer implements AutoCloseable {
    /** A record as the relay writes it: the item id as key, the encoded log entry as value. */
    record Payload(byte[] key, byte[] value) {
        int size() {
            return key.length + value.length;
        }
    }

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final Payload payload;
    private final boolean transactional;

    private BareProducer(KafkaProducer<byte[], byte[]> producer, String topic, Payload payload, boolean transactional) {
        this.producer = producer;
        this.topic = topic;
        this.payload = payload;
        this.transactional = transactional;
        if (transactional) {
            producer.initTransactions();
        }
    }

    /** acks=all and idempotence, as the relay's producer, without transactions; linger as given (Kafka 4 defaults to 5 ms). */
    static BareProducer idempotent(String bootstrap, String topic, Payload payload, int lingerMs) {
        return new BareProducer(new KafkaProducer<>(config(bootstrap, lingerMs, Optional.empty()),
                new ByteArraySerializer(), new ByteArraySerializer()), topic, payload, false);
    }

    /** The relay's producer settings: transactional, idempotent, acks=all, linger 1 ms. */
    static BareProducer transactional(String bootstrap, String topic, Payload payload) {
        return new BareProducer(new KafkaProducer<>(config(bootstrap, 1, Optional.of("bench-tx-" + UUID.randomUUID())),
                new ByteArraySerializer(), new ByteArraySerializer()), topic, payload, true);
    }

    private static Map<String, Object> config(String bootstrap, int lingerMs, Optional<String> transactionalId) {
        var config = new HashMap<String, Object>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, lingerMs));
        transactionalId.ifPresent(id -> config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id));
        return config;
    }

    /** One record, waiting for the broker's acknowledgement: a closed-loop client's durable append. */
    long send() throws Exception {
        producer.send(new ProducerRecord<>(topic, 0, payload.key(), payload.value())).get(30, TimeUnit.SECONDS);
        return payload.size();
    }

    /** {@code records} records in one transaction, committed: one cycle of the relay's loop. */
    long sendBatch(int records) {
        if (!transactional) {
            throw new IllegalStateException("batches need the transactional producer");
        }
        producer.beginTransaction();
        for (int i = 0; i < records; i++) {
            producer.send(new ProducerRecord<>(topic, 0, payload.key(), payload.value()));
        }
        producer.commitTransaction();
        return (long) records * payload.size();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }

    /** A one-partition topic, as the log topic is (ponte.kafka.Topic). */
    static void createTopic(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty()))).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** The first committed record of {@code topic}: the relay's real key and value bytes, to send the same size. */
    static Payload firstRecord(String bootstrap, String topic) {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    return new Payload(r.key(), r.value());
                }
            }
        }
        throw new IllegalStateException("no committed record in " + topic + " within 30 s");
    }

    /**
     * The end offset of partition 0 of {@code topic}. Each committed transaction adds one control record (the commit
     * marker) besides its data records, so offsets advanced minus records written counts the relay's transactions.
     */
    static long endOffset(String bootstrap, String topic) {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            return consumer.endOffsets(List.of(partition)).get(partition);
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}

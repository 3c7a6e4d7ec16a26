package ponte.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A plain read_committed consumer of the log topic, beside the nodes' tails, that notes for each record (keyed by
 * item id, as the relay writes them) its CreateTime, which the relay's producer stamps when LogRelay calls send(),
 * and the wall-clock moment it became readable here. With the 201's wall-clock time this splits Kafka mode's
 * publish-to-delivery into the relay's part (201 → send: waking up, reading the batch back from PostgreSQL) and
 * Kafka's part (send → readable: the transaction's commit and the fetch). Millisecond resolution, as record
 * timestamps have.
 */
final class TopicWatch implements AutoCloseable {
    /** When the relay sent a record and when it became readable, in epoch milliseconds. */
    record Seen(long sentMillis, long readableMillis) {}

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    TopicWatch(String bootstrap, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seekToEnd(List.of(partition));
        consumer.position(partition);
        thread = Thread.ofPlatform().name("bench-topic-watch").daemon().start(this::run);
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    long now = System.currentTimeMillis();
                    seen.putIfAbsent(new String(r.key(), StandardCharsets.UTF_8), new Seen(r.timestamp(), now));
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    Optional<Seen> of(String itemId) {
        return Optional.ofNullable(seen.get(itemId));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}

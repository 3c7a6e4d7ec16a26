package ponte.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ponte.core.log.LogEntry;
import ponte.core.log.Tail;

/**
 * Every node's view of the log topic: committed records only (read_committed), from where the topic ended when
 * the node started, handed to the node's {@link Tail} in order. Durable readers catch up from PostgreSQL with
 * their own cursors; this only tells them, at once, that there is more.
 */
public final class KafkaTail implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaTail.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Tail tail;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long lag;
    private volatile long lastPoll = System.nanoTime();

    public KafkaTail(KafkaSettings settings, Tail tail) {
        this.tail = tail;
        Topic.ensure(settings);
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        TopicPartition partition = new TopicPartition(settings.topic(), 0);
        consumer.assign(List.of(partition));
        consumer.seekToEnd(List.of(partition));
        consumer.position(partition); // resolve the start now, so nothing committed after construction is skipped
        this.thread = Thread.ofPlatform().name("ponte-kafka-tail").daemon().start(() -> run(partition));
    }

    private void run(TopicPartition partition) {
        try {
            while (running) {
                List<LogEntry> entries = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    entries.add(EntryCodec.decode(r.value()));
                }
                if (!entries.isEmpty()) {
                    tail.committed(entries);
                }
                lag = consumer.currentLag(partition).orElse(0L);
                lastPoll = System.nanoTime();
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("the Kafka tail stopped", e);
        } finally {
            // No group, no offsets to commit: nothing to wait for but the fetch in flight, which the broker holds up to
            // fetch.max.wait.ms when there is nothing new (a node's stop waited ~0.3 s on it).
            consumer.close(CloseOptions.timeout(Duration.ZERO));
        }
    }

    /** Records in the topic not yet read by this node (for /metrics). */
    public long lag() {
        return lag;
    }

    /** Whether the tail is running and polled the broker within the last ten seconds. */
    public boolean healthy() {
        return thread.isAlive() && System.nanoTime() - lastPoll < java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}

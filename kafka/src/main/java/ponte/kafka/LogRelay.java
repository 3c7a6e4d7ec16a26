package ponte.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ponte.core.Pacer;
import ponte.core.log.ContentLog;
import ponte.core.log.Cursor;
import ponte.core.log.Leadership;
import ponte.core.log.LogEntry;

/**
 * The transactional outbox relay: committed log entries go from PostgreSQL to the topic, in sequence order, each
 * exactly once as read_committed readers see it.
 *
 * <p>Why an outbox and not "write PostgreSQL, then Kafka" in the request: the version, its routes and its sequence
 * number commit in one database transaction, which is what a 2xx promises; the relay then copies committed entries.
 * It runs on the one node holding the relay's leadership. Its producer is transactional with a fixed
 * transactional.id, so a former leader that wakes up late is fenced by the broker and cannot write; a new leader
 * finds where to resume by reading the last committed record of the topic. A batch is one Kafka transaction: it is
 * seen whole or not at all.
 */
public final class LogRelay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LogRelay.class);
    static final String ROLE = "kafka-relay";
    private static final int BATCH = 500;

    private final KafkaSettings settings;
    private final ContentLog log;
    private final Leadership leadership;
    private final Pacer pacer = new Pacer();
    private final Thread thread;
    private volatile long relayed = -1;
    private KafkaProducer<String, byte[]> producer;

    public LogRelay(KafkaSettings settings, ContentLog log, Leadership leadership) {
        this.settings = settings;
        this.log = log;
        this.leadership = leadership;
        Topic.ensure(settings);
        this.thread = Thread.ofPlatform().name("ponte-kafka-relay").daemon().start(this::run);
    }

    /** Called when entries were committed locally: relay them now rather than at the next poll. */
    public void wake(List<LogEntry> ignored) {
        pacer.wake();
    }

    /** The last sequence number this node relayed, or -1 while it is not the leader. */
    public long relayed() {
        return relayed;
    }

    private void run() {
        while (pacer.running()) {
            try {
                if (!leadership.lead(ROLE + ":" + settings.topic())) {
                    stepDown();
                    pause(1000);
                    continue;
                }
                if (producer == null) {
                    producer = transactionalProducer();
                    producer.initTransactions(); // fences any earlier leader's producer
                    relayed = lastRelayedSeq();
                    LOG.info("relaying the content log to Kafka topic {} from seq {}", settings.topic(), relayed);
                }
                List<LogEntry> batch = log.since(new Cursor(relayed), BATCH);
                if (batch.isEmpty()) {
                    pause(100);
                    continue;
                }
                producer.beginTransaction();
                for (LogEntry e : batch) {
                    producer.send(new ProducerRecord<>(settings.topic(), 0, e.item().id().value(), EntryCodec.encode(e)));
                }
                producer.commitTransaction();
                relayed = batch.getLast().cursor().seq();
            } catch (ProducerFencedException e) {
                LOG.warn("another node took over relaying the log");
                stepDown();
            } catch (KafkaException | IllegalStateException e) {
                if (!pacer.running()) {
                    break;
                }
                LOG.warn("relaying to Kafka failed; retrying in a second: {}", e.getMessage());
                stepDown();
                pause(1000);
            }
        }
        stepDown();
    }

    private void stepDown() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(5));
            } catch (KafkaException ignored) {
                // closing a fenced or broken producer may fail; it is gone either way
            }
            producer = null;
        }
        relayed = -1;
    }

    private KafkaProducer<String, byte[]> transactionalProducer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "ponte-log-relay:" + settings.topic(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.CLIENT_ID_CONFIG, "ponte-relay-" + UUID.randomUUID()),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** The seq of the last committed record in the topic, reading back further while the tail holds only markers. */
    private long lastRelayedSeq() {
        TopicPartition partition = new TopicPartition(settings.topic(), 0);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            long end = consumer.position(partition);
            long begin = consumer.beginningOffsets(List.of(partition)).get(partition);
            for (long window = 2L * BATCH; ; window *= 2) {
                long from = Math.max(begin, end - window);
                consumer.seek(partition, from);
                long last = 0;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        last = Math.max(last, EntryCodec.decode(r.value()).cursor().seq());
                    }
                }
                if (last > 0 || from == begin) {
                    return last;
                }
            }
        }
    }

    /** Waits on the relay's {@link Pacer}: it reads the database, so it is stopped by a flag, never interrupted. */
    private void pause(long millis) {
        pacer.pause(Duration.ofMillis(millis));
    }

    @Override
    public void close() {
        pacer.stopAndJoin(thread, Duration.ofSeconds(10));
    }
}

package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ponte.app.TestNode.ninjs;
import static ponte.app.TestNode.publishBody;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import ponte.kafka.KafkaBroker;
import ponte.formats.NinjsWriter;

/**
 * Production mode: two Ponte nodes on one PostgreSQL and a real Kafka broker. Both nodes take writes; every node
 * hears every entry in log order; when the relaying node stops, the other takes over with nothing lost or repeated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaClusterTest {
    @TempDir
    static Path dataDir;

    KafkaBroker kafka;
    TestNode first;
    TestNode second;
    Networks.Keys keys;
    final List<Long> heardBySecond = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    void cluster() throws Exception {
        Optional<String> db = TestDatabase.postgresUrlFor(dataDir);
        kafka = TestDatabase.kafka();
        first = new TestNode(new Settings("127.0.0.1", 0, dataDir.resolve("a"), db, TestNode.ADMIN, Optional.of(kafka.bootstrapServers())), Clock.systemUTC());
        second = new TestNode(new Settings("127.0.0.1", 0, dataDir.resolve("b"), db, TestNode.ADMIN, Optional.of(kafka.bootstrapServers())), Clock.systemUTC());
        second.handle().onEntry(e -> heardBySecond.add(e.cursor().seq()));
        keys = Networks.newsLicence(first, "CN");
    }

    @AfterAll
    void stop() throws Exception {
        second.close();
    }

    @Test
    void bothNodesTakeWritesAndEveryNodeHearsEveryEntryInOrderAndOnceEvenWhenTheRelayMoves() throws Exception {
        String editorA = keys.editor("agency");
        String partner = keys.partner("partner");

        publishConcurrently(List.of(first, second), editorA, 40);
        long head = second.handle().head().seq();
        await().atMost(Duration.ofSeconds(30)).until(() -> heardBySecond.size() == head);
        assertThat(heardBySecond).isSorted().doesNotHaveDuplicates().containsExactlyElementsOf(range(1, head));

        first.close(); // the relay's leader (or not): either way the survivor must carry on alone
        publishConcurrently(List.of(second), editorA, 20);
        long newHead = second.handle().head().seq();
        await().atMost(Duration.ofSeconds(30)).until(() -> heardBySecond.size() == newHead);
        assertThat(heardBySecond).isSorted().doesNotHaveDuplicates().containsExactlyElementsOf(range(1, newHead));

        assertThat(topicSeqs(newHead)).containsExactlyElementsOf(range(1, newHead));
        assertThat(second.get("/ready", null).json().get("checks").get("kafka").asString()).isEqualTo("up");
        assertThat(second.management("/metrics").raw().body()).contains("ponte_log_consumer_lag{consumer=\"kafka-tail\"}")
                .contains("ponte_kafka_relay_leader 1.0");
        int fed = second.get("/v1/feed?limit=500", partner).json().get("entries").size();
        assertThat(fed).isEqualTo(100); // 40 through each node, then 20 through the survivor
    }

    private static void publishConcurrently(List<TestNode> nodes, String editor, int perNode) throws Exception {
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
            for (TestNode node : nodes) {
                for (int i = 0; i < perNode; i++) {
                    int n = i;
                    results.add(pool.submit(() -> node.post("/v1/items", editor, publishBody(ninjs("en", "Item " + n + " via " + node.base), "news")).status()));
                }
            }
            for (var r : results) {
                assertThat(r.get()).isEqualTo(201);
            }
        }
    }

    /** Every committed record of the topic, as read_committed readers see it. */
    private List<Long> topicSeqs(long expected) {
        TopicPartition partition = new TopicPartition("ponte.log", 0);
        List<Long> seqs = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seqs.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    seqs.add(NinjsWriter.mapper().readTree(r.value()).get("seq").asLong());
                }
            }
        }
        return seqs;
    }

    private static List<Long> range(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            out.add(i);
        }
        return out;
    }
}

package ponte.kafka;

import static ponte.core.fixtures.Fixtures.aVersion;
import static ponte.core.fixtures.Fixtures.anItem;
import static ponte.core.fixtures.Fixtures.org;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import ponte.core.items.Change;
import ponte.core.items.Event;
import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.licensing.Route;
import ponte.core.log.Appended;
import ponte.core.log.ContentLog;
import ponte.core.log.Cursor;
import ponte.core.log.FeedEntry;
import ponte.core.log.IndexEntry;
import ponte.core.log.LogEntry;
import ponte.core.log.LogEvent;
import ponte.core.orgs.OrgId;

/** Log entries for the relay to copy, and what the topic holds as a read_committed reader sees it. */
final class Entries {
    private Entries() {}

    /** Item "item{seq}" published and routed to CGTN, at this position of the log. */
    static LogEntry published(long seq) {
        Item item = anItem().withId("item" + seq).build();
        return new LogEntry(new Cursor(seq), LogEvent.PUBLISHED, item, aVersion().of(item).build(), List.of(new Route(org("cgtn"), Event.PUBLISHED)));
    }

    static List<LogEntry> published(long from, long to) {
        List<LogEntry> out = new ArrayList<>();
        for (long seq = from; seq <= to; seq++) {
            out.add(published(seq));
        }
        return out;
    }

    /** Every committed record of the topic's one partition, decoded, in topic order. */
    static List<LogEntry> committedIn(String bootstrapServers, String topic) {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<LogEntry> out = new ArrayList<>();
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    out.add(EntryCodec.decode(r.value()));
                }
            }
            return out;
        }
    }

    static List<Long> seqs(List<LogEntry> entries) {
        return entries.stream().map(e -> e.cursor().seq()).toList();
    }

    /**
     * The content log as the relay reads it: committed entries in sequence order ({@link #since} is all it calls).
     * The content log's own contract is specified against its real stores in the storage module.
     */
    static final class Committed implements ContentLog {
        private final List<LogEntry> entries = new CopyOnWriteArrayList<>();

        Committed commit(List<LogEntry> more) {
            entries.addAll(more);
            return this;
        }

        @Override
        public List<LogEntry> since(Cursor after, int limit) {
            return entries.stream().filter(e -> e.cursor().seq() > after.seq()).limit(limit).toList();
        }

        @Override
        public Cursor head() {
            return entries.isEmpty() ? new Cursor(0) : entries.getLast().cursor();
        }

        @Override
        public Appended append(Change change) {
            throw new UnsupportedOperationException("the relay only reads");
        }

        @Override
        public Appended append(Change change, ponte.core.audit.Actor by) {
            throw new UnsupportedOperationException("the relay only reads");
        }

        @Override
        public List<FeedEntry> routedTo(OrgId partner, Cursor after, int limit) {
            throw new UnsupportedOperationException("the relay reads since()");
        }

        @Override
        public List<IndexEntry> entries(Cursor after, int limit) {
            throw new UnsupportedOperationException("the relay reads since()");
        }

        @Override
        public List<ItemId> changedAfter(Cursor after, int limit) {
            throw new UnsupportedOperationException("the relay reads since()");
        }

        @Override
        public Cursor before(java.time.Instant time) {
            throw new UnsupportedOperationException("the relay reads since()");
        }
    }
}

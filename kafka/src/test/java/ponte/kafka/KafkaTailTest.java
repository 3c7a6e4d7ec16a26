package ponte.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ponte.kafka.Entries.published;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import ponte.core.log.LogEntry;
import ponte.core.log.Tail;

/** Every node's tail of the topic: what was committed after it started, in order, each once. */
class KafkaTailTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void aStartingNodeHearsOnlyWhatIsCommittedAfterItStartedInLogOrder() throws Exception {
        KafkaSettings kafka = TestTopics.freshTopic();
        Entries.Committed log = new Entries.Committed().commit(published(1, 3));
        List<LogEntry> heard = new CopyOnWriteArrayList<>();
        Tail tail = new Tail();
        tail.subscribe(heard::add);

        try (LogRelay relay = new LogRelay(kafka, log, role -> true)) {
            await().atMost(PATIENCE).until(() -> relay.relayed() == 3);
            try (KafkaTail node = new KafkaTail(kafka, tail)) {
                log.commit(published(4, 9));
                relay.wake(List.of());
                await().atMost(PATIENCE).until(() -> heard.size() >= 6);
                assertThat(node.healthy()).isTrue();
            }
        }

        assertThat(heard).containsExactlyElementsOf(published(4, 9));
    }

    @Test
    void twoNodesHearTheSameEntriesInTheSameOrder() throws Exception {
        KafkaSettings kafka = TestTopics.freshTopic();
        Entries.Committed log = new Entries.Committed();
        List<LogEntry> first = new CopyOnWriteArrayList<>();
        List<LogEntry> second = new CopyOnWriteArrayList<>();
        Tail firstTail = new Tail();
        Tail secondTail = new Tail();
        firstTail.subscribe(first::add);
        secondTail.subscribe(second::add);

        try (KafkaTail a = new KafkaTail(kafka, firstTail);
             KafkaTail b = new KafkaTail(kafka, secondTail);
             LogRelay relay = new LogRelay(kafka, log, role -> true)) {
            for (long seq = 1; seq <= 20; seq += 5) {
                log.commit(published(seq, seq + 4));
                relay.wake(List.of());
            }
            await().atMost(PATIENCE).until(() -> first.size() >= 20 && second.size() >= 20);
        }

        assertThat(first).containsExactlyElementsOf(published(1, 20));
        assertThat(second).containsExactlyElementsOf(first);
    }
}

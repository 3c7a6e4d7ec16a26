package ponte.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ponte.kafka.Entries.committedIn;
import static ponte.kafka.Entries.published;
import static ponte.kafka.Entries.seqs;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import ponte.core.log.LogEntry;

/** The relay against a real broker: committed entries reach the topic in sequence order, each exactly once. */
class LogRelayTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void committedEntriesReachTheTopicInSequenceOrderAndUnchanged() throws Exception {
        KafkaSettings kafka = TestTopics.freshTopic();
        Entries.Committed log = new Entries.Committed().commit(published(1, 30));

        try (LogRelay relay = new LogRelay(kafka, log, role -> true)) {
            await().atMost(PATIENCE).until(() -> relay.relayed() == 30);
        }

        List<LogEntry> topic = committedIn(kafka.bootstrapServers(), kafka.topic());
        assertThat(topic).containsExactlyElementsOf(published(1, 30));
    }

    @Test
    void entriesCommittedLaterFollowWhenTheRelayIsWoken() throws Exception {
        KafkaSettings kafka = TestTopics.freshTopic();
        Entries.Committed log = new Entries.Committed().commit(published(1, 2));

        try (LogRelay relay = new LogRelay(kafka, log, role -> true)) {
            await().atMost(PATIENCE).until(() -> relay.relayed() == 2);
            log.commit(published(3, 5));
            relay.wake(published(3, 5));
            await().atMost(PATIENCE).until(() -> relay.relayed() == 5);
        }

        assertThat(seqs(committedIn(kafka.bootstrapServers(), kafka.topic()))).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aNewLeaderResumesAfterTheLastRelayedEntryWithoutRepeatingAny() throws Exception {
        KafkaSettings kafka = TestTopics.freshTopic();
        Entries.Committed log = new Entries.Committed().commit(published(1, 10));
        try (LogRelay first = new LogRelay(kafka, log, role -> true)) {
            await().atMost(PATIENCE).until(() -> first.relayed() == 10);
        }
        log.commit(published(11, 15));

        try (LogRelay second = new LogRelay(kafka, log, role -> true)) {
            await().atMost(PATIENCE).until(() -> second.relayed() == 15);
        }

        assertThat(seqs(committedIn(kafka.bootstrapServers(), kafka.topic()))).containsExactlyElementsOf(LongStream.rangeClosed(1, 15).boxed().toList());
    }

    @Test
    void onlyTheLeaderRelaysAndTheFollowerTakesOverWhereItStopped() throws Exception {
        KafkaSettings kafka = TestTopics.freshTopic();
        Entries.Committed log = new Entries.Committed().commit(published(1, 5));
        AtomicBoolean firstLeads = new AtomicBoolean(true);

        try (LogRelay first = new LogRelay(kafka, log, role -> firstLeads.get());
             LogRelay second = new LogRelay(kafka, log, role -> !firstLeads.get())) {
            await().atMost(PATIENCE).until(() -> first.relayed() == 5);
            assertThat(second.relayed()).as("a follower relays nothing").isEqualTo(-1);

            firstLeads.set(false); // the first node loses its lease, as when its database session ends
            log.commit(published(6, 8));
            await().atMost(PATIENCE).until(() -> second.relayed() == 8);
            await().atMost(PATIENCE).until(() -> first.relayed() == -1);
        }

        assertThat(seqs(committedIn(kafka.bootstrapServers(), kafka.topic()))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    }
}

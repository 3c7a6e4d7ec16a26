package ponte.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.core.fixtures.Fixtures.T0;
import static ponte.core.fixtures.Fixtures.aVersion;
import static ponte.core.fixtures.Fixtures.anEndpoint;
import static ponte.core.fixtures.Fixtures.anItem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import ponte.core.items.Event;
import ponte.core.items.Item;
import ponte.core.log.Cursor;
import ponte.core.log.FeedEntry;

/** The rules after an attempt, one by one and as a property over any run of answers. */
class RetryingTest {
    static final Schedule SCHEDULE = Schedule.DEFAULT;
    static final Retrying RETRYING = new Retrying(SCHEDULE, Retrying.DISABLE_AFTER);
    static final Endpoint ENDPOINT = anEndpoint().build();

    static FeedEntry entry(long seq) {
        Item item = anItem().withId("item" + seq).ownedBy("agency").build();
        return new FeedEntry(new Cursor(seq), Event.PUBLISHED, item, aVersion().of(item).build(), Instant.EPOCH);
    }

    static Attempt attempt(long seq, int number, Instant at, int status) {
        return new Attempt(ENDPOINT.id(), new Cursor(seq), "msg_" + seq, number, at, status == 0 ? Optional.empty() : Optional.of(status),
                Duration.ofMillis(3), status / 100 == 2 ? Optional.empty() : Optional.of(status == 0 ? "connection refused" : "HTTP " + status));
    }

    @Test
    void a2xxMovesTheCursorPastTheEntryAndRecordsReach() {
        Outcome o = RETRYING.afterLine(ENDPOINT, entry(7), attempt(7, 1, T0, 204), Progress.at(new Cursor(3)));
        assertThat(o.progress().orElseThrow()).isEqualTo(Progress.at(new Cursor(7)));
        assertThat(o.delivered().orElseThrow().entry()).isEqualTo(new Cursor(7));
        assertThat(o.deadLetter()).isEmpty();
    }

    @Test
    void aFailureIsRetriedAfterTheNextDelayOfTheSchedule() {
        Outcome o = RETRYING.afterLine(ENDPOINT, entry(7), attempt(7, 3, T0, 502), Progress.at(new Cursor(3)));
        Progress p = o.progress().orElseThrow();
        assertThat(p.cursor()).isEqualTo(new Cursor(3));
        assertThat(p.pending().orElseThrow()).isEqualTo(new Progress.Pending(new Cursor(7), 3, T0.plus(Duration.ofMinutes(30))));
        assertThat(p.failingSince()).contains(T0);
    }

    @Test
    void theLastFailureDeadLettersTheEntryAndMovesOn() {
        Outcome o = RETRYING.afterLine(ENDPOINT, entry(7), attempt(7, 8, T0, 0), Progress.at(new Cursor(3)));
        assertThat(o.progress().orElseThrow().cursor()).isEqualTo(new Cursor(7));
        assertThat(o.progress().orElseThrow().pending()).isEmpty();
        assertThat(o.deadLetter().orElseThrow().lastError()).isEqualTo("connection refused");
        assertThat(o.deadLetter().orElseThrow().attempts()).isEqualTo(8);
    }

    @Test
    void goneDisablesAndKeepsTheEntryForWhenTheEndpointIsResumed() {
        Outcome o = RETRYING.afterLine(ENDPOINT, entry(7), attempt(7, 1, T0, 410), Progress.at(new Cursor(3)));
        assertThat(o.disabled().orElseThrow()).contains("410 Gone");
        assertThat(o.progress().orElseThrow().cursor()).isEqualTo(new Cursor(3));
        assertThat(o.deadLetter()).isEmpty();
    }

    @Test
    void failingForFiveDaysWithoutASuccessDisables() {
        Progress failing = new Progress(new Cursor(3), 0, Optional.empty(), Optional.of(T0));
        Instant almost = T0.plus(Duration.ofDays(5)).minusSeconds(1);
        assertThat(RETRYING.afterLine(ENDPOINT, entry(7), attempt(7, 1, almost, 500), failing).disabled()).isEmpty();
        Outcome o = RETRYING.afterLine(ENDPOINT, entry(7), attempt(7, 1, T0.plus(Duration.ofDays(5)), 500), failing);
        assertThat(o.disabled().orElseThrow()).contains("since " + T0).contains("5 days").contains("HTTP 500");
    }

    /**
     * Whatever the receiver answers (no 410), every entry is attempted in log order, at most the schedule's number of
     * times, ends delivered or dead-lettered exactly once, and the cursor never moves back. (The 5-day rule is set
     * aside here: a long enough run of failures would rightly disable the endpoint.)
     */
    @Property(tries = 300)
    void everyEntryEndsDeliveredOrDeadLetteredInOrder(@ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 3) Integer> answers,
                                                     @ForAll @IntRange(min = 1, max = 6) int entries) {
        int[] statuses = {0, 200, 500, 503};
        Retrying patient = new Retrying(SCHEDULE, Duration.ofDays(36_500));
        Progress progress = Progress.at(Cursor.START);
        Instant now = T0;
        Map<Long, String> ended = new HashMap<>();
        List<Long> attempted = new ArrayList<>();
        int answer = 0;
        for (long seq = 1; seq <= entries; ) {
            FeedEntry entry = entry(seq);
            int number = progress.attemptsOn(entry.cursor()) + 1;
            Outcome o = patient.afterLine(ENDPOINT, entry, attempt(seq, number, now, statuses[answers.get(answer++ % answers.size())]), progress);
            attempted.add(seq);
            Progress next = o.progress().orElseThrow();
            assertThat(next.cursor()).isGreaterThanOrEqualTo(progress.cursor());
            assertThat(number).isLessThanOrEqualTo(SCHEDULE.attempts());
            assertThat(o.disabled()).isEmpty();
            progress = next;
            if (o.delivered().isPresent() || o.deadLetter().isPresent()) {
                assertThat(ended.put(seq, o.delivered().isPresent() ? "delivered" : "dead")).isNull();
                assertThat(progress.cursor()).isEqualTo(entry.cursor());
                seq++;
            } else {
                now = progress.pending().orElseThrow().nextAttempt();
            }
        }
        assertThat(ended).hasSize(entries);
        assertThat(attempted).isSorted();
    }
}

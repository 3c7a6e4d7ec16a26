package ponte.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static ponte.core.fixtures.Fixtures.T0;
import static ponte.core.fixtures.Fixtures.aVersion;
import static ponte.core.fixtures.Fixtures.anEndpoint;
import static ponte.core.fixtures.Fixtures.anItem;
import static ponte.core.fixtures.Fixtures.org;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import ponte.core.Ids;
import ponte.core.delivery.Attempt;
import ponte.core.delivery.DeadLetter;
import ponte.core.delivery.Delivered;
import ponte.core.delivery.Endpoint;
import ponte.core.delivery.EndpointId;
import ponte.core.delivery.Outcome;
import ponte.core.delivery.Progress;
import ponte.core.delivery.Retrying;
import ponte.core.delivery.Schedule;
import ponte.core.items.Event;
import ponte.core.items.Item;
import ponte.core.log.Cursor;
import ponte.core.log.FeedEntry;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.Org;
import ponte.core.orgs.OrgKind;

/**
 * The delivery journal on H2 and PostgreSQL: each outcome the delivery rules decide is written whole (attempt,
 * progress, reach, dead letter) and answered on its own, however many are committed together.
 */
@ParameterizedClass
@EnumSource(FreshDatabase.Engine.class)
class JdbcDeliveriesTest {
    /** Two attempts, then the entry is dead-lettered. */
    private static final Retrying RULES = new Retrying(Schedule.parse("0,0"), Retrying.DISABLE_AFTER);

    @Parameter
    FreshDatabase.Engine engine;

    @TempDir
    Path dataDir;

    private FreshDatabase db;
    private JdbcEndpoints endpoints;
    private JdbcDeliveries deliveries;
    private final Endpoint hook = anEndpoint().withId("ep_kbs").of("kbs").build();

    @BeforeEach
    void open() {
        db = FreshDatabase.on(engine, dataDir);
        new JdbcOrgs(db.database(), Clock.fixed(T0, ZoneOffset.UTC), new Ids(new Random(1)))
                .register(new Org(org("kbs"), "KBS", OrgKind.BROADCASTER, CountryCode.of("KR")));
        endpoints = new JdbcEndpoints(db.database());
        endpoints.create(hook, new Cursor(0));
        deliveries = new JdbcDeliveries(db.database());
    }

    @AfterEach
    void close() {
        deliveries.close();
        db.close();
    }

    private static FeedEntry entry(long seq) {
        Item item = anItem().withId("item" + seq).build();
        return new FeedEntry(new Cursor(seq), Event.PUBLISHED, item, aVersion().of(item).build(), T0);
    }

    private static Attempt attempt(Endpoint endpoint, long seq, int number, int status) {
        Instant at = T0.plusSeconds(seq * 10 + number);
        return new Attempt(endpoint.id(), new Cursor(seq), "msg_" + endpoint.id() + "_" + seq, number, at, Optional.of(status), Duration.ofMillis(12),
                status / 100 == 2 ? Optional.empty() : Optional.of("HTTP " + status));
    }

    /** The rules' outcome of this attempt on the endpoint's line, as it stands in the store. */
    private Outcome next(long seq, int number, int status) {
        return RULES.afterLine(hook, entry(seq), attempt(hook, seq, number, status), endpoints.progress(hook.id()));
    }

    @Test
    void aDeliveredEntryMovesTheCursorAndBecomesAReachFact() {
        assertThat(deliveries.record(next(1, 1, 204))).isTrue();

        assertThat(endpoints.progress(hook.id()).cursor()).isEqualTo(new Cursor(1));
        assertThat(deliveries.attempts(hook.id(), Optional.empty(), 10)).extracting(r -> r.attempt()).containsExactly(attempt(hook, 1, 1, 204));
        assertThat(deliveries.reach(entry(1).item().id()))
                .containsExactly(new Delivered(hook.id(), org("kbs"), entry(1).item().id(), 1, new Cursor(1), attempt(hook, 1, 1, 204).at()));
        assertThat(deliveries.received(hook.id(), entry(1).item().id())).isTrue();
    }

    @Test
    void anEntryThatRunsOutOfAttemptsIsDeadLetteredAndTheLineMovesOn() {
        deliveries.record(next(1, 1, 503));
        assertThat(endpoints.progress(hook.id()).pending()).hasValueSatisfying(p -> assertThat(p.attempts()).isEqualTo(1));

        deliveries.record(next(1, 2, 503));

        Progress after = endpoints.progress(hook.id());
        assertThat(after.cursor()).isEqualTo(new Cursor(1));
        assertThat(after.pending()).isEmpty();
        assertThat(deliveries.deadLetters(hook.id(), new Cursor(0), 10)).containsExactly(
                new DeadLetter(hook.id(), new Cursor(1), entry(1).item().id(), 1, Event.PUBLISHED, 2, attempt(hook, 1, 2, 503).at(), "HTTP 503"));
        assertThat(deliveries.received(hook.id(), entry(1).item().id())).isFalse();
    }

    @Test
    void aResendThatGetsThroughClearsTheDeadLetterAndLeavesTheLineAlone() {
        deliveries.record(next(1, 1, 503));
        deliveries.record(next(1, 2, 503));
        deliveries.record(next(2, 1, 204));
        assertThat(deliveries.requestResend(hook.id(), Optional.empty())).isEqualTo(1);
        assertThat(deliveries.resendsRequested(hook.id(), 10)).extracting(DeadLetter::entry).containsExactly(new Cursor(1));

        deliveries.record(RULES.afterResend(hook, entry(1), attempt(hook, 1, 3, 200), endpoints.progress(hook.id()).epoch()));

        assertThat(deliveries.deadLetters(hook.id(), new Cursor(0), 10)).isEmpty();
        assertThat(endpoints.progress(hook.id()).cursor()).isEqualTo(new Cursor(2));
        assertThat(deliveries.received(hook.id(), entry(1).item().id())).isTrue();
    }

    @Test
    void pruningRemovesAttemptsAndDeadLettersFromBeforeTheCutoffOldestFirstButNeverAReachFact() {
        deliveries.record(next(1, 1, 204)); // delivered: a reach fact
        deliveries.record(next(2, 1, 503));
        deliveries.record(next(2, 2, 503)); // dead
        deliveries.record(next(3, 1, 503));
        deliveries.record(next(3, 2, 503)); // dead, and a re-send asked for
        deliveries.requestResend(hook.id(), Optional.of(new Cursor(3)));
        deliveries.record(next(4, 1, 204)); // after the cutoff
        Instant cutoff = attempt(hook, 4, 1, 204).at().minusSeconds(1);

        assertThat(deliveries.pruneAttempts(cutoff, 2)).isEqualTo(2);
        assertThat(deliveries.attempts(hook.id(), Optional.empty(), 10)).extracting(r -> r.attempt().at())
                .as("the oldest went first").allSatisfy(at -> assertThat(at).isAfter(attempt(hook, 1, 1, 204).at()));
        assertThat(deliveries.pruneAttempts(cutoff, 500)).isEqualTo(3);
        assertThat(deliveries.pruneAttempts(cutoff, 500)).isZero();
        assertThat(deliveries.pruneDeadLetters(cutoff, 500)).isEqualTo(1);

        assertThat(deliveries.attempts(hook.id(), Optional.empty(), 10)).extracting(r -> r.attempt()).containsExactly(attempt(hook, 4, 1, 204));
        assertThat(deliveries.deadLetters(hook.id(), new Cursor(0), 10)).extracting(DeadLetter::entry).containsExactly(new Cursor(3));
        assertThat(deliveries.reach(entry(1).item().id())).hasSize(1);
        assertThat(deliveries.received(hook.id(), entry(1).item().id())).isTrue();
        assertThat(deliveries.received(hook.id(), entry(4).item().id())).isTrue();
    }

    @Test
    void anOutcomeDecidedBeforeAReplayDoesNotMoveTheReplayedCursor() {
        Outcome inFlight = next(1, 1, 204);
        endpoints.moveTo(hook.id(), new Cursor(0)); // the partner asked for a replay meanwhile: a new epoch

        assertThat(deliveries.record(inFlight)).isFalse();

        assertThat(endpoints.progress(hook.id()).cursor()).isEqualTo(new Cursor(0));
        assertThat(deliveries.attempts(hook.id(), Optional.empty(), 10)).as("the attempt was made all the same").hasSize(1);
        assertThat(deliveries.received(hook.id(), entry(1).item().id())).as("and the receiver has the entry").isTrue();
    }

    @Test
    void outcomesCommittedTogetherAreAnsweredEachAndOneBadOneFailsAlone() {
        Endpoint deleted = anEndpoint().withId("ep_gone").of("kbs").build(); // never stored, as if deleted meanwhile
        List<CompletableFuture<Boolean>> good = new ArrayList<>();
        Progress line = endpoints.progress(hook.id());
        CompletableFuture<Boolean> bad = null;
        for (long seq = 1; seq <= 200; seq++) {
            Outcome o = RULES.afterLine(hook, entry(seq), attempt(hook, seq, 1, 204), line);
            good.add(deliveries.submit(o));
            line = o.progress().orElseThrow();
            if (seq == 100) {
                bad = deliveries.submit(RULES.afterLine(deleted, entry(seq), attempt(deleted, seq, 1, 204), Progress.at(new Cursor(0))));
            }
        }

        assertThat(good).allSatisfy(f -> assertThat(f.join()).isTrue());
        CompletableFuture<Boolean> refused = bad;
        assertThat(catchThrowable(refused::join)).isNotNull();
        assertThat(endpoints.progress(hook.id()).cursor()).isEqualTo(new Cursor(200));
        assertThat(deliveries.attempts(hook.id(), Optional.empty(), 500)).hasSize(200);
    }
}

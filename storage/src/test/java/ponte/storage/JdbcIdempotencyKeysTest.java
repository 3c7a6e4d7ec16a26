package ponte.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.core.fixtures.Fixtures.T0;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import ponte.core.access.IdempotencyKeys.Answered;
import ponte.core.access.IdempotencyKeys.Claim;
import ponte.core.access.IdempotencyKeys.Granted;
import ponte.core.access.IdempotencyKeys.InFlight;
import ponte.core.access.IdempotencyKeys.Mismatch;
import ponte.core.access.IdempotentRequest;

/** Idempotency keys on H2 and PostgreSQL: one grant per key, the first answer for every retry, abandoned claims taken over. */
@ParameterizedClass
@EnumSource(FreshDatabase.Engine.class)
class JdbcIdempotencyKeysTest {
    private static final Instant LONG_AGO = T0.minus(Duration.ofDays(1));
    private static final IdempotentRequest CREATE = new IdempotentRequest("3f9a0c1d2e4b5a6c", "order-1", "aa11");

    @Parameter
    FreshDatabase.Engine engine;

    @TempDir
    Path dataDir;

    private FreshDatabase db;
    private JdbcIdempotencyKeys keys;

    @BeforeEach
    void open() {
        db = FreshDatabase.on(engine, dataDir);
        keys = new JdbcIdempotencyKeys(db.database());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aRetryAfterTheAnswerGetsTheAnswer() {
        assertThat(keys.claim(CREATE, T0, LONG_AGO)).isInstanceOf(Granted.class);
        keys.answer(CREATE, 201, new byte[] {1, 2, 3});

        Claim retry = keys.claim(CREATE, T0.plusSeconds(5), LONG_AGO);

        assertThat(retry).isInstanceOfSatisfying(Answered.class, a -> {
            assertThat(a.status()).isEqualTo(201);
            assertThat(a.sealed()).containsExactly(1, 2, 3);
        });
    }

    @Test
    void aRetryWhileTheFirstRunsIsInFlightAndAnotherRequestUnderTheKeyIsAMismatch() {
        keys.claim(CREATE, T0, LONG_AGO);

        assertThat(keys.claim(CREATE, T0.plusSeconds(1), LONG_AGO)).isInstanceOf(InFlight.class);
        assertThat(keys.claim(new IdempotentRequest(CREATE.keyId(), CREATE.idempotencyKey(), "bb22"), T0.plusSeconds(1), LONG_AGO))
                .isInstanceOf(Mismatch.class);
    }

    @Test
    void keysAreScopedToTheApiKeyThatSentThem() {
        keys.claim(CREATE, T0, LONG_AGO);

        assertThat(keys.claim(new IdempotentRequest("0000000000000001", CREATE.idempotencyKey(), "bb22"), T0, LONG_AGO))
                .isInstanceOf(Granted.class);
    }

    @Test
    void aReleasedClaimIsGrantedAgain() {
        keys.claim(CREATE, T0, LONG_AGO);
        keys.release(CREATE);

        assertThat(keys.claim(CREATE, T0.plusSeconds(1), LONG_AGO)).isInstanceOf(Granted.class);
    }

    @Test
    void aClaimLeftUnansweredPastTheBoundIsTakenOverOnce() {
        keys.claim(CREATE, T0, LONG_AGO);
        Instant later = T0.plus(Duration.ofMinutes(10));

        assertThat(keys.claim(CREATE, later, T0.plusSeconds(1))).isInstanceOf(Granted.class);
        assertThat(keys.claim(CREATE, later, T0.plusSeconds(1))).as("the new holder's claim is fresh").isInstanceOf(InFlight.class);
    }

    @Test
    void anAnsweredClaimIsNeverTakenOverAndItsAnswerIsNotReplaced() {
        keys.claim(CREATE, T0, LONG_AGO);
        keys.answer(CREATE, 201, new byte[] {1});
        keys.answer(CREATE, 500, new byte[] {2});

        assertThat(keys.claim(CREATE, T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofMinutes(30))))
                .isInstanceOfSatisfying(Answered.class, a -> assertThat(a.status()).isEqualTo(201));
    }

    @Test
    void keysFirstUsedBeforeTheCutoffAreForgotten() {
        keys.claim(CREATE, T0, LONG_AGO);
        keys.answer(CREATE, 201, new byte[] {1});
        IdempotentRequest recent = new IdempotentRequest(CREATE.keyId(), "order-2", "cc33");
        keys.claim(recent, T0.plus(Duration.ofHours(2)), LONG_AGO);

        assertThat(keys.forget(T0.plus(Duration.ofHours(1)))).isEqualTo(1);
        assertThat(keys.claim(CREATE, T0.plus(Duration.ofHours(2)), LONG_AGO)).isInstanceOf(Granted.class);
        assertThat(keys.claim(recent, T0.plus(Duration.ofHours(2)), LONG_AGO)).isInstanceOf(InFlight.class);
    }

    @Test
    void ofManyClaimingOneKeyAtOnceExactlyOneIsGranted() throws Exception {
        List<Callable<Claim>> claims = IntStream.range(0, 16).<Callable<Claim>>mapToObj(i -> () -> keys.claim(CREATE, T0, LONG_AGO)).toList();
        try (var pool = Executors.newFixedThreadPool(16)) {
            List<Claim> outcomes = pool.invokeAll(claims).stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertThat(outcomes).filteredOn(Granted.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(InFlight.class::isInstance).hasSize(15);
        }
    }
}

package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.app.Networks.aNetwork;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one PostgreSQL database behind a load balancer: a retry that reaches the other node is still a retry,
 * and retries racing through both nodes make one agreement between them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyAcrossNodesTest {
    private static final String LICENCE = "{\"licensee\":\"partner\",\"products\":[\"news\"]}";

    @TempDir
    static Path dataDir;

    TestNode one;
    TestNode two;
    String editor;

    @BeforeAll
    void start() throws Exception {
        Optional<String> db = TestDatabase.postgresUrlFor(dataDir);
        one = new TestNode(new Settings("127.0.0.1", 0, dataDir.resolve("one"), db, TestNode.ADMIN), Clock.systemUTC());
        two = new TestNode(new Settings("127.0.0.1", 0, dataDir.resolve("two"), db, TestNode.ADMIN), Clock.systemUTC());
        editor = aNetwork(one).agency("agency", "IT").withProducts("news").partner("partner", "DE").build().editor("agency");
    }

    @AfterAll
    void stop() throws Exception {
        one.close();
        two.close();
    }

    @Test
    void aRetryThroughTheOtherNodeGetsTheFirstAnswer() throws Exception {
        int before = agreements();

        TestNode.Answer first = one.post("/v1/licences", editor, LICENCE, "Idempotency-Key", "across-1");
        TestNode.Answer retry = two.post("/v1/licences", editor, LICENCE, "Idempotency-Key", "across-1");
        TestNode.Answer other = two.post("/v1/licences", editor, "{\"licensee\":\"partner\",\"products\":[]}", "Idempotency-Key", "across-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.raw().body()).isEqualTo(first.raw().body());
        assertThat(other.status()).isEqualTo(422);
        assertThat(agreements()).isEqualTo(before + 1);
    }

    @Test
    void retriesRacingThroughBothNodesMakeOneAgreement() throws Exception {
        int before = agreements();
        List<Callable<TestNode.Answer>> sends = IntStream.range(0, 12).<Callable<TestNode.Answer>>mapToObj(
                i -> () -> (i % 2 == 0 ? one : two).post("/v1/licences", editor, LICENCE, "Idempotency-Key", "racing-1")).toList();

        List<TestNode.Answer> answers;
        try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
            answers = clients.invokeAll(sends).stream().map(IdempotencyAcrossNodesTest::get).toList();
        }

        assertThat(answers).extracting(TestNode.Answer::status).containsOnly(201, 409);
        assertThat(answers).filteredOn(a -> a.status() == 201 && a.header("Idempotent-Replayed").isEmpty()).hasSize(1);
        assertThat(agreements()).isEqualTo(before + 1);
    }

    private int agreements() throws Exception {
        try (Connection c = one.handle().dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery("select count(*) from agreements")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static TestNode.Answer get(Future<TestNode.Answer> answer) {
        try {
            return answer.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

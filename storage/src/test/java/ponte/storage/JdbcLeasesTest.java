package ponte.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.core.fixtures.Fixtures.T0;
import static ponte.core.fixtures.Fixtures.anEndpoint;
import static ponte.core.fixtures.Fixtures.org;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.core.Ids;
import ponte.core.delivery.EndpointId;
import ponte.core.log.Cursor;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.Org;
import ponte.core.orgs.OrgKind;

/**
 * Endpoint leases on PostgreSQL, where several nodes share the endpoints (an embedded node delivers to all of its own):
 * the endpoints are divided among the live nodes, and a node that stops renewing loses its share to the others.
 */
class JdbcLeasesTest {
    private static final Duration TTL = Duration.ofSeconds(30);
    private static final Set<EndpointId> ALL = IntStream.rangeClosed(1, 6).mapToObj(i -> new EndpointId("ep_" + i)).collect(Collectors.toSet());

    @TempDir
    Path dataDir;

    private FreshDatabase db;
    private JdbcLeases leases;

    @BeforeEach
    void sixEndpoints() {
        db = FreshDatabase.on(FreshDatabase.Engine.POSTGRESQL, dataDir);
        new JdbcOrgs(db.database(), Clock.fixed(T0, ZoneOffset.UTC), new Ids(new Random(1)))
                .register(new Org(org("kbs"), "KBS", OrgKind.BROADCASTER, CountryCode.of("KR")));
        JdbcEndpoints endpoints = new JdbcEndpoints(db.database());
        ALL.forEach(id -> endpoints.create(anEndpoint().withId(id.value()).of("kbs").build(), new Cursor(0)));
        leases = new JdbcLeases(db.database());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aLoneNodeDeliversToEveryEndpoint() {
        assertThat(leases.balance("a", T0, TTL)).isEqualTo(ALL);
    }

    @Test
    void aJoiningNodeGetsItsFairShareOnceTheOtherGivesItBack() {
        leases.balance("a", T0, TTL);

        Set<EndpointId> b = leases.balance("b", T0.plusSeconds(1), TTL); // all still leased to a
        Set<EndpointId> a = leases.balance("a", T0.plusSeconds(2), TTL); // a sees b and gives back what is above its share
        b = leases.balance("b", T0.plusSeconds(3), TTL);

        assertThat(a).hasSize(3);
        assertThat(b).hasSize(3).doesNotContainAnyElementsOf(a);
        Set<EndpointId> both = new HashSet<>(a);
        both.addAll(b);
        assertThat(both).isEqualTo(ALL);
    }

    @Test
    void theEndpointsOfANodeThatStopsRenewingAreTakenOverAfterTheirLeaseRunsOut() {
        leases.balance("a", T0, TTL);

        assertThat(leases.balance("b", T0.plus(TTL).minusSeconds(1), TTL)).as("a's leases still run").isEmpty();
        assertThat(leases.balance("b", T0.plus(TTL), TTL)).isEqualTo(ALL);
    }

    @Test
    void aNewEndpointIsClaimedByTheFirstNodeToAskAndKeptByIt() {
        EndpointId one = new EndpointId("ep_1");

        assertThat(leases.claim("a", one, T0, TTL)).isTrue();
        assertThat(leases.claim("b", one, T0.plusSeconds(1), TTL)).isFalse();
        assertThat(leases.claim("a", one, T0.plusSeconds(2), TTL)).isTrue();
        assertThat(leases.claim("b", one, T0.plus(TTL), TTL)).as("once a's lease has run out").isTrue();
    }
}

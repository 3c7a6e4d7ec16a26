package ponte.core.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.core.fixtures.Fixtures.T0;
import static ponte.core.fixtures.Fixtures.aLicence;
import static ponte.core.fixtures.Fixtures.aVersion;
import static ponte.core.fixtures.Fixtures.anItem;
import static ponte.core.fixtures.Fixtures.org;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import ponte.core.items.Event;
import ponte.core.items.Item;
import ponte.core.items.Version;
import ponte.core.licensing.SmallNetworks.Scenario;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Territories;

/** The indexed router against the brute force ({@link BruteForce}: {@link Rule} over every licence) on random networks. */
class RoutingIndexTest {
    @Property(tries = 10_000)
    void indexedRouterMatchesBruteForce(@ForAll("scenarios") Scenario s) {
        Entitlements gate = new Entitlements(s::network);
        List<Route> routes = gate.route(s.item(), s.version(), s.received(), s.now());
        assertThat(routes).extracting(Route::partner).doesNotHaveDuplicates();
        assertThat(routes).containsExactlyInAnyOrderElementsOf(BruteForce.route(s.network(), s.item(), s.version(), s.received(), s.now()));
    }

    @Property(tries = 3_000)
    void nextReleaseIsTheEarliestMomentALicenceWillGrant(@ForAll("scenarios") Scenario s) {
        Entitlements gate = new Entitlements(s::network);
        assertThat(gate.nextRelease(s.item(), s.version(), s.now()))
                .isEqualTo(BruteForce.nextRelease(s.network(), s.item(), s.version(), s.now()));
    }

    @Property(tries = 3_000)
    void grantingLicenceIsFoundExactlyForPartnersTheRuleGrants(@ForAll("scenarios") Scenario s) {
        Entitlements gate = new Entitlements(s::network);
        for (OrgId partner : s.orgs()) {
            Optional<Licence> found = gate.grantingLicence(partner, s.item(), s.version(), s.now());
            assertThat(found.isPresent()).as(partner.value()).isEqualTo(BruteForce.grants(s.network(), partner, s.item(), s.version(), s.now()));
            found.ifPresent(licence -> assertThat(licence.licensee()).isEqualTo(partner));
            found.ifPresent(licence -> assertThat(Rule.weigh(licence, s.network().territoriesOf(partner), s.item(), s.version(), s.now()).grants()).isTrue());
        }
    }

    /**
     * What lets a feed page's answers be reused: a reader's answer for each partner stays the same at every instant
     * from now until {@code holdsUntil} (checked on the hour, where the universe's bounds fall, and a nanosecond before
     * the end), and when that is a finite instant, it is a bound of the partner's own licences.
     */
    @Property(tries = 3_000)
    void answerHoldsUntilTheEarliestInstantItCouldChange(@ForAll("scenarios") Scenario s) {
        Entitlements gate = new Entitlements(s::network);
        for (OrgId partner : s.orgs()) {
            boolean earlier = s.received().containsKey(partner);
            Entitlements.Reader now = gate.reader(partner, s.now());
            Optional<Entitlements.Access> answer = now.access(s.item(), s.version(), earlier);
            Instant until = now.holdsUntil(s.item(), s.version());
            assertThat(until).isAfter(s.now());
            Instant end = until.equals(Instant.MAX) ? s.now().plus(Duration.ofDays(10)) : until;
            for (Instant t = s.now(); t.isBefore(end); t = t.plus(Duration.ofHours(1))) {
                assertThat(gate.reader(partner, t).access(s.item(), s.version(), earlier)).as(partner.value() + " at " + t).isEqualTo(answer);
            }
            assertThat(gate.reader(partner, end.minusNanos(1)).access(s.item(), s.version(), earlier)).isEqualTo(answer);
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return SmallNetworks.scenarios();
    }

    // Beyond the random universe: what hour-granular times and seven countries cannot reach.

    @Test
    void licenceValidUntilTheFarFutureGrantsToTheNanosecond() {
        Instant from = T0.plusNanos(1);
        Licence l = aLicence().withId("l1").from("agency").to("cgtn").forProducts("news")
                .valid(Optional.of(from), Optional.of(Instant.parse("9999-12-31T00:00:00Z"))).build();
        Item item = anItem().withId("i1").ownedBy("agency").firstCreated(T0).build();
        Version v = aVersion().of(item).created(T0).inLanguage("it").inProducts("news").build();
        Entitlements gate = new Entitlements(() -> new Network(List.of(l), Map.of(org("cgtn"), Set.of(CountryCode.of("ZW")))));
        assertThat(gate.route(item, v, Map.of(), T0)).isEmpty();
        assertThat(gate.nextRelease(item, v, T0)).contains(from);
        assertThat(gate.route(item, v, Map.of(), from)).containsExactly(new Route(org("cgtn"), Event.PUBLISHED));
    }

    @Test
    void languageRangesCoverWhatBasicFilteringCovers() {
        assertThat(RoutingIndex.rangesCovering("zh-Hans-CN")).containsExactlyInAnyOrder(null, "*", "zh-hans-cn", "zh-hans", "zh");
        assertThat(RoutingIndex.rangesCovering("")).containsExactly((String) null);
    }
}

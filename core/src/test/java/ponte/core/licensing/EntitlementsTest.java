package ponte.core.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.core.fixtures.Fixtures.T0;
import static ponte.core.fixtures.Fixtures.aNetwork;
import static ponte.core.fixtures.Fixtures.aVersion;
import static ponte.core.fixtures.Fixtures.anItem;
import static ponte.core.fixtures.Fixtures.only;
import static ponte.core.fixtures.Fixtures.org;
import static ponte.core.fixtures.Fixtures.worldwideExcept;

import java.util.Map;
import org.junit.jupiter.api.Test;
import ponte.core.fixtures.NetworkBuilder;
import ponte.core.fixtures.VersionBuilder;
import ponte.core.items.Event;
import ponte.core.items.Item;
import ponte.core.items.Version;

class EntitlementsTest {
    private final Item item = anItem().withId("i1").ownedBy("agency").build();

    /** An Italian agency filing "news", a Chinese broadcaster that also reaches Kenya, a Korean one; no licence yet. */
    private static NetworkBuilder network() {
        return aNetwork().agency("agency", "IT").withProducts("news").partner("cgtn", "CN", "KE").partner("arirang", "KR");
    }

    private static Entitlements gate(NetworkBuilder network) {
        Network built = network.build();
        return new Entitlements(() -> built);
    }

    /** The item in Italian, filed in "news", cleared worldwide. */
    private VersionBuilder news() {
        return aVersion().of(item).inLanguage("it").inProducts("news");
    }

    @Test
    void licensedPartnerReceivesItemInLicensedProduct() {
        Entitlements gate = gate(network().licensedTo("cgtn"));
        Version v = news().build();
        assertThat(gate.mayReceive(org("cgtn"), item, v, false, T0)).isTrue();
        assertThat(gate.route(item, v, Map.of(), T0)).containsExactly(new Route(org("cgtn"), Event.PUBLISHED));
    }

    @Test
    void partnerWithoutLicenceReceivesNothing() {
        Entitlements gate = gate(network().licensedTo("cgtn"));
        assertThat(gate.mayReceive(org("arirang"), item, news().build(), false, T0)).isFalse();
    }

    @Test
    void licenceForAnotherProductGrantsNothing() {
        Entitlements gate = gate(network().withProducts("video").licensedTo("cgtn"));
        assertThat(gate.route(item, news().build(), Map.of(), T0)).isEmpty();
    }

    @Test
    void partnerOutsideLicensedTerritoryNeverSeesItem() {
        Entitlements gate = gate(network().licensedTo("arirang", l -> l.in(worldwideExcept("KR"))));
        Version v = news().build();
        assertThat(gate.mayReceive(org("arirang"), item, v, false, T0)).isFalse();
        assertThat(gate.explain(org("arirang"), item, v, T0).getFirst().refusals()).anyMatch(r -> r.contains("territory KR excluded by the licence"));
    }

    @Test
    void oneAllowedTerritoryOfSeveralIsEnough() {
        Entitlements gate = gate(network().licensedTo("cgtn", l -> l.in(only("KE"))));
        assertThat(gate.mayReceive(org("cgtn"), item, news().build(), false, T0)).isTrue();
    }

    @Test
    void itemRightsNarrowTheLicence() {
        Entitlements gate = gate(network().licensedTo("arirang"));
        Version v = news().withRights(worldwideExcept("KR")).build();
        assertThat(gate.mayReceive(org("arirang"), item, v, false, T0)).isFalse();
    }

    @Test
    void languageOutsideTheLicenceIsRefusedAndRangesCoverSubtags() {
        Entitlements gate = gate(network().licensedTo("cgtn", l -> l.inLanguages("zh", "en")));
        assertThat(gate.mayReceive(org("cgtn"), item, news().build(), false, T0)).isFalse();
        assertThat(gate.mayReceive(org("cgtn"), item, news().inLanguage("zh-Hans").build(), false, T0)).isTrue();
    }

    @Test
    void expiredLicenceStopsNewItems() {
        Entitlements gate = gate(network().licensedTo("cgtn", l -> l.validUntil(T0.minusSeconds(1))));
        Version v = news().build();
        assertThat(gate.route(item, v, Map.of(), T0)).isEmpty();
        assertThat(gate.explain(org("cgtn"), item, v, T0).getFirst().refusals()).anyMatch(r -> r.startsWith("licence expired on"));
    }

    @Test
    void killReachesPartnerWhoseLicenceEnded() {
        Entitlements gate = gate(network()); // no licence any more
        Version kill = news().number(2).killedBecause("legal").build();
        assertThat(gate.route(item, kill, Map.of(org("cgtn"), 1), T0)).containsExactly(new Route(org("cgtn"), Event.KILLED));
        assertThat(gate.mayReceive(org("cgtn"), item, kill, true, T0)).isTrue();
    }

    @Test
    void killIsNotSentToWhoeverNeverReceivedTheItem() {
        Entitlements gate = gate(network().licensedTo("cgtn"));
        Version kill = news().number(2).killedBecause("legal").build();
        assertThat(gate.route(item, kill, Map.of(), T0)).isEmpty();
    }

    @Test
    void updateToAFirstTimeRecipientReadsAsPublished() {
        Entitlements gate = gate(network().licensedTo("cgtn"));
        Version update = news().number(2).build();
        assertThat(gate.route(item, update, Map.of(), T0)).containsExactly(new Route(org("cgtn"), Event.PUBLISHED));
        assertThat(gate.route(item, update, Map.of(org("cgtn"), 1), T0)).containsExactly(new Route(org("cgtn"), Event.UPDATED));
    }

    @Test
    void licenceFromSomeoneWhoDoesNotOwnTheItemGrantsNothing() {
        Entitlements gate = gate(network().agency("someone-else").withProducts("news").licensedTo("cgtn"));
        assertThat(gate.mayReceive(org("cgtn"), item, news().build(), false, T0)).isFalse();
    }

    @Test
    void explanationWeighsOnlyLicencesFromTheItemsOwners() {
        Item coProduction = anItem().withId("i3").ownedBy("agency", "cctv").build();
        Entitlements gate = gate(network().licensedTo("cgtn").agency("cctv").withProducts("news").licensedTo("cgtn")
                .agency("someone-else").withProducts("news").licensedTo("cgtn"));
        Version v = aVersion().of(coProduction).inLanguage("it").inProducts("news").build();
        assertThat(gate.explain(org("cgtn"), coProduction, v, T0)).extracting(verdict -> verdict.licence().licensor())
                .containsExactlyInAnyOrder(org("agency"), org("cctv"));
    }

    @Test
    void coOwnedItemGoesOutUnderEachOwnersLicences() {
        Item coProduction = anItem().withId("i2").ownedBy("agency", "cctv").build();
        Entitlements gate = gate(network().licensedTo("arirang").agency("cctv").withProducts("news").licensedTo("cgtn"));
        Version v = aVersion().of(coProduction).inLanguage("it").inProducts("news").build();
        assertThat(gate.route(coProduction, v, Map.of(), T0)).extracting(Route::partner).containsExactlyInAnyOrder(org("arirang"), org("cgtn"));
    }

    @Test
    void coProducedItemGoesOutUnderEachPartysLicencesWithinThatPartysTerritoriesOnly() {
        Item coProduction = anItem().withId("i3").ownedBy("agency", "cctv").build();
        Network plain = network().licensedTo("arirang").licensedTo("cgtn").agency("cctv").withProducts("news")
                .licensedTo("cgtn").licensedTo("arirang").partner("rai", "IT").licensedTo("rai").build();
        ProjectTerritories project = new ProjectTerritories("focus", Map.of(
                org("agency"), ponte.core.orgs.Territories.of(java.util.Set.of("IT", "KR"), java.util.Set.of()),
                org("cctv"), ponte.core.orgs.Territories.of(java.util.Set.of("*"), java.util.Set.of("IT", "KR"))));
        Network network = new Network(plain.licences(), plain.territories(), plain.dormant(), Map.of(coProduction.id(), project));
        Entitlements gate = new Entitlements(() -> network);
        Version v = aVersion().of(coProduction).inLanguage("it").inProducts("news").build();

        assertThat(gate.route(coProduction, v, Map.of(), T0)).extracting(Route::partner)
                .containsExactlyInAnyOrder(org("arirang"), org("cgtn"))
                .doesNotContain(org("rai"));
        assertThat(gate.route(coProduction, v, Map.of(), T0)).containsExactlyInAnyOrderElementsOf(BruteForce.route(network, coProduction, v, Map.of(), T0));
        assertThat(gate.access(org("arirang"), coProduction, v, false, T0).flatMap(Entitlements.Access::licence).map(Licence::licensor))
                .contains(org("agency"));
        assertThat(gate.access(org("cgtn"), coProduction, v, false, T0).flatMap(Entitlements.Access::licence).map(Licence::licensor))
                .contains(org("cctv"));
        assertThat(gate.explain(org("rai"), coProduction, v, T0)).singleElement()
                .satisfies(verdict -> assertThat(verdict.refusals()).containsExactly("territory IT is outside cctv's territories in co-production focus (worldwide excluding IT, KR)"));
    }
}

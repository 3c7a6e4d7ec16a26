package ponte.core.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.core.licensing.Fixtures.T0;
import static ponte.core.licensing.Fixtures.item;
import static ponte.core.licensing.Fixtures.licence;
import static ponte.core.licensing.Fixtures.org;
import static ponte.core.licensing.Fixtures.restricted;
import static ponte.core.licensing.Fixtures.version;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ponte.core.items.Event;
import ponte.core.items.Item;
import ponte.core.items.Version;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Territories;

class EntitlementsTest {
    private static final Map<OrgId, Set<CountryCode>> TERRITORIES = Map.of(
            org("agency"), Set.of(CountryCode.of("IT")),
            org("cgtn"), Set.of(CountryCode.of("CN"), CountryCode.of("KE")),
            org("arirang"), Set.of(CountryCode.of("KR")));

    private static Entitlements gate(Licence... licences) {
        return new Entitlements(() -> new Network(List.of(licences), TERRITORIES));
    }

    private final Item item = item("i1", "agency");

    @Test
    void licensedPartnerReceivesItemInLicensedProduct() {
        Entitlements gate = gate(licence("l1", "agency", "cgtn", "news"));
        Version v = version(item, 1, Event.PUBLISHED, "it", Territories.WORLDWIDE, "news");
        assertThat(gate.mayReceive(org("cgtn"), item, v, false, T0)).isTrue();
        assertThat(gate.route(item, v, Map.of(), T0)).containsExactly(new Route(org("cgtn"), Event.PUBLISHED));
    }

    @Test
    void partnerWithoutLicenceReceivesNothing() {
        Entitlements gate = gate(licence("l1", "agency", "cgtn", "news"));
        Version v = version(item, 1, Event.PUBLISHED, "it", Territories.WORLDWIDE, "news");
        assertThat(gate.mayReceive(org("arirang"), item, v, false, T0)).isFalse();
    }

    @Test
    void licenceForAnotherProductGrantsNothing() {
        Entitlements gate = gate(licence("l1", "agency", "cgtn", "video"));
        Version v = version(item, 1, Event.PUBLISHED, "it", Territories.WORLDWIDE, "news");
        assertThat(gate.route(item, v, Map.of(), T0)).isEmpty();
    }

    @Test
    void partnerOutsideLicensedTerritoryNeverSeesItem() {
        Licence l = restricted(licence("l1", "agency", "arirang", "news"), Territories.of(Set.of("*"), Set.of("KR")), Set.of(), Duration.ZERO, Validity.ALWAYS);
        Version v = version(item, 1, Event.PUBLISHED, "it", Territories.WORLDWIDE, "news");
        assertThat(gate(l).mayReceive(org("arirang"), item, v, false, T0)).isFalse();
        assertThat(gate(l).explain(org("arirang"), item, v, T0).getFirst().refusals()).anyMatch(r -> r.contains("territory KR excluded by the licence"));
    }

    @Test
    void oneAllowedTerritoryOfSeveralIsEnough() {
        Licence l = restricted(licence("l1", "agency", "cgtn", "news"), Territories.of(Set.of("KE"), Set.of()), Set.of(), Duration.ZERO, Validity.ALWAYS);
        Version v = version(item, 1, Event.PUBLISHED, "it", Territories.WORLDWIDE, "news");
        assertThat(gate(l).mayReceive(org("cgtn"), item, v, false, T0)).isTrue();
    }

    @Test
    void itemRightsNarrowTheLicence() {
        Entitlements gate = gate(licence("l1", "agency", "arirang", "news"));
        Version v = version(item, 1, Event.PUBLISHED, "it", Territories.of(Set.of("*"), Set.of("KR")), "news");
        assertThat(gate.mayReceive(org("arirang"), item, v, false, T0)).isFalse();
    }

    @Test
    void languageOutsideTheLicenceIsRefusedAndRangesCoverSubtags() {
        Licence l = restricted(licence("l1", "agency", "cgtn", "news"), Territories.WORLDWIDE, Set.of("zh", "en"), Duration.ZERO, Validity.ALWAYS);
        assertThat(gate(l).mayReceive(org("cgtn"), item, version(item, 1, Event.PUBLISHED, "it", Territories.WORLDWIDE, "news"), false, T0)).isFalse();
        assertThat(gate(l).mayReceive(org("cgtn"), item, version(item, 1, Event.PUBLISHED, "zh-Hans", Territories.WORLDWIDE, "news"), false, T0)).isTrue();
    }

    @Test
    void expiredLicenceStopsNewItems() {
        Licence l = restricted(licence("l1", "agency", "cgtn", "news"), Territories.WORLDWIDE, Set.of(), Duration.ZERO,
                new Validity(Optional.empty(), Optional.of(T0.minusSeconds(1))));
        Version v = version(item, 1, Event.PUBLISHED, "it", Territories.WORLDWIDE, "news");
        assertThat(gate(l).route(item, v, Map.of(), T0)).isEmpty();
        assertThat(gate(l).explain(org("cgtn"), item, v, T0).getFirst().refusals()).anyMatch(r -> r.startsWith("licence expired on"));
    }

    @Test
    void killReachesPartnerWhoseLicenceEnded() {
        Entitlements gate = gate(); // no licence any more
        Version kill = version(item, 2, Event.KILLED, "it", Territories.WORLDWIDE, "news");
        assertThat(gate.route(item, kill, Map.of(org("cgtn"), 1), T0)).containsExactly(new Route(org("cgtn"), Event.KILLED));
        assertThat(gate.mayReceive(org("cgtn"), item, kill, true, T0)).isTrue();
    }

    @Test
    void killIsNotSentToWhoeverNeverReceivedTheItem() {
        Entitlements gate = gate(licence("l1", "agency", "cgtn", "news"));
        Version kill = version(item, 2, Event.KILLED, "it", Territories.WORLDWIDE, "news");
        assertThat(gate.route(item, kill, Map.of(), T0)).isEmpty();
    }

    @Test
    void updateToAFirstTimeRecipientReadsAsPublished() {
        Entitlements gate = gate(licence("l1", "agency", "cgtn", "news"));
        Version update = version(item, 2, Event.UPDATED, "it", Territories.WORLDWIDE, "news");
        assertThat(gate.route(item, update, Map.of(), T0)).containsExactly(new Route(org("cgtn"), Event.PUBLISHED));
        assertThat(gate.route(item, update, Map.of(org("cgtn"), 1), T0)).containsExactly(new Route(org("cgtn"), Event.UPDATED));
    }

    @Test
    void licenceFromSomeoneWhoDoesNotOwnTheItemGrantsNothing() {
        Entitlements gate = gate(licence("l1", "someone-else", "cgtn", "news"));
        Version v = version(item, 1, Event.PUBLISHED, "it", Territories.WORLDWIDE, "news");
        assertThat(gate.mayReceive(org("cgtn"), item, v, false, T0)).isFalse();
    }

    @Test
    void coOwnedItemGoesOutUnderEachOwnersLicences() {
        Item coProduction = item("i2", "agency", "cctv");
        Entitlements gate = gate(licence("l1", "agency", "arirang", "news"), licence("l2", "cctv", "cgtn", "news"));
        Version v = version(coProduction, 1, Event.PUBLISHED, "it", Territories.WORLDWIDE, "news");
        assertThat(gate.route(coProduction, v, Map.of(), T0)).extracting(Route::partner).containsExactlyInAnyOrder(org("arirang"), org("cgtn"));
    }
}

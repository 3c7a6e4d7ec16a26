package ponte.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.core.fixtures.Fixtures.T0;
import static ponte.core.fixtures.Fixtures.aLicence;
import static ponte.core.fixtures.Fixtures.aNetwork;
import static ponte.core.fixtures.Fixtures.org;
import static ponte.core.fixtures.Fixtures.product;
import static ponte.core.fixtures.Fixtures.worldwideExcept;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import ponte.core.Ids;
import ponte.core.agreements.Agreement;
import ponte.core.agreements.AgreementVersion;
import ponte.core.agreements.Grant;
import ponte.core.agreements.Terms;
import ponte.core.fixtures.NetworkBuilder;
import ponte.core.licensing.Licence;
import ponte.core.licensing.Validity;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.Org;
import ponte.core.orgs.OrgKind;

/** Agreements as stored on H2 and on PostgreSQL alike, and the network the entitlement gate reads from them. */
@ParameterizedClass
@EnumSource(FreshDatabase.Engine.class)
class JdbcAgreementsTest {
    private static final Validity ONE_YEAR = new Validity(Optional.of(T0), Optional.of(T0.plus(Duration.ofDays(365))));
    private static final Grant NEWS_TO_KBS = new Grant(org("italpress"), org("kbs"), Set.of(product("news")), worldwideExcept("JP"), Set.of("ko"),
            Duration.ofHours(1), false);

    @Parameter
    FreshDatabase.Engine engine;

    @TempDir
    Path dataDir;

    private FreshDatabase db;
    private JdbcOrgs orgs;
    private JdbcAgreements agreements;

    @BeforeEach
    void open() {
        db = FreshDatabase.on(engine, dataDir);
        orgs = new JdbcOrgs(db.database(), Clock.fixed(T0, ZoneOffset.UTC), new Ids(new Random(1)));
        orgs.register(new Org(org("italpress"), "Italpress", OrgKind.AGENCY, CountryCode.of("IT")));
        orgs.register(new Org(org("kbs"), "KBS", OrgKind.BROADCASTER, CountryCode.of("KR")));
        orgs.register(new Org(org("kbs-world"), "KBS World", OrgKind.BROADCASTER, CountryCode.of("KR")));
        agreements = new JdbcAgreements(db.database());
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Version {@code number} of the Italpress–KBS deal, approved so far by these parties. */
    private static AgreementVersion deal(int number, String... approvedBy) {
        Terms terms = new Terms("Italpress news for KBS, v" + number, Set.of(org("italpress"), org("kbs")), ONE_YEAR, List.of(NEWS_TO_KBS));
        return new AgreementVersion(number, terms, org("italpress"), T0.plus(Duration.ofDays(number)),
                Set.of(approvedBy).stream().map(ponte.core.orgs.OrgId::new).collect(java.util.stream.Collectors.toSet()));
    }

    /** The one licence the deal's current version grants. */
    private static Licence licence(int version) {
        return aLicence().withId("deal/v" + version + "/1").underAgreement("deal").from("italpress").to("kbs").forProducts("news")
                .in(worldwideExcept("JP")).inLanguages("ko").withEmbargoDelay(Duration.ofHours(1)).valid(ONE_YEAR.from(), ONE_YEAR.to()).build();
    }

    private static NetworkBuilder orgsOnly() {
        return aNetwork().partner("italpress", "IT").partner("kbs", "KR").partner("kbs-world", "KR");
    }

    @Test
    void aDraftReadsBackAsWrittenAndGrantsNothingYet() {
        agreements.create("deal", deal(1, "italpress"));

        assertThat(agreements.byId("deal")).contains(new Agreement("deal", deal(1, "italpress"), false));
        assertThat(JdbcAgreements.network(agreements, orgs))
                .isEqualTo(orgsOnly().dormant(licence(1), "agreement deal version 1 not approved by kbs").build());
    }

    @Test
    void approvalByEveryPartyPutsTheGrantsInForceAndASecondApprovalChangesNothing() {
        agreements.create("deal", deal(1, "italpress"));

        agreements.approve("deal", 1, org("kbs"), T0.plusSeconds(60));
        agreements.approve("deal", 1, org("kbs"), T0.plusSeconds(120));

        assertThat(agreements.byId("deal").orElseThrow().current().approvedBy()).containsExactlyInAnyOrder(org("italpress"), org("kbs"));
        assertThat(JdbcAgreements.network(agreements, orgs)).isEqualTo(orgsOnly().licence(licence(1)).build());
    }

    @Test
    void aNewVersionAwaitsFreshApprovalsWhileTheFirstStaysAsHistory() {
        agreements.create("deal", deal(1, "italpress", "kbs"));

        agreements.addVersion("deal", deal(2, "italpress"));

        assertThat(agreements.byId("deal").orElseThrow().current()).isEqualTo(deal(2, "italpress"));
        assertThat(agreements.versions("deal")).containsExactly(deal(1, "italpress", "kbs"), deal(2, "italpress"));
        assertThat(JdbcAgreements.network(agreements, orgs))
                .isEqualTo(orgsOnly().dormant(licence(2), "agreement deal version 2 not approved by kbs").build());
    }

    @Test
    void aSuspendedAgreementsLicencesSleepUntilItIsResumed() {
        agreements.create("deal", deal(1, "italpress", "kbs"));

        agreements.suspend("deal", true);
        assertThat(JdbcAgreements.network(agreements, orgs)).isEqualTo(orgsOnly().dormant(licence(1), "agreement deal is suspended").build());

        agreements.suspend("deal", false);
        assertThat(JdbcAgreements.network(agreements, orgs)).isEqualTo(orgsOnly().licence(licence(1)).build());
    }

    @Test
    void anOrgFindsTheAgreementsItIsPartyToAndNotThoseOfALookAlikeId() {
        agreements.create("deal", deal(1, "italpress"));
        Grant toKbsWorld = new Grant(org("italpress"), org("kbs-world"), Set.of(product("news")), worldwideExcept(), Set.of(), Duration.ZERO, false);
        agreements.create("world", new AgreementVersion(1, new Terms("World", Set.of(org("italpress"), org("kbs-world")), Validity.ALWAYS,
                List.of(toKbsWorld)), org("italpress"), T0, Set.of()));

        assertThat(agreements.withParty(org("kbs"))).extracting(Agreement::id).containsExactly("deal");
        assertThat(agreements.withParty(org("kbs-world"))).extracting(Agreement::id).containsExactly("world");
        assertThat(agreements.withParty(org("italpress"))).extracting(Agreement::id).containsExactly("deal", "world");
    }

    /** What a node's freshness refreshed: the orgs of each refresh by what changed, and how many whole ones. */
    private final class Refreshes {
        final List<Set<ponte.core.orgs.OrgId>> concerning = new java.util.ArrayList<>();
        int whole;
        final NetworkFreshness freshness = new NetworkFreshness(db.database(), concerning::add, () -> whole++);
    }

    @Test
    void eachChangeSaysWhichOrgsItConcernsSoANodeRefreshesOnlyTheirPart() {
        Refreshes refreshes = new Refreshes();
        agreements.create("deal", deal(1));
        agreements.approve("deal", 1, org("italpress"), T0);
        agreements.approve("deal", 1, org("kbs"), T0);
        refreshes.freshness.catchUp();
        assertThat(refreshes.concerning).containsExactly(Set.of(org("italpress"), org("kbs")));
        assertThat(refreshes.whole).isZero();
        Set<ponte.core.orgs.OrgId> kbs = Set.of(org("kbs"));
        assertThat(JdbcAgreements.concerning(agreements, orgs, kbs, java.util.Map.of()))
                .isEqualTo(JdbcAgreements.network(agreements, orgs).concerning(kbs));
    }

    @Test
    void aChangeThatDoesNotSayWhatItConcernsRefreshesTheWholeSnapshot() {
        Refreshes refreshes = new Refreshes();
        agreements.create("deal", deal(1));
        new Jdbc(db.database()).transaction(c -> {
            NetworkVersion.bump(c);
            return null;
        });
        refreshes.freshness.catchUp();
        assertThat(refreshes.concerning).isEmpty();
        assertThat(refreshes.whole).isEqualTo(1);
    }
}

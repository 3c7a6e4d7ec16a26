package ponte.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static ponte.core.fixtures.Fixtures.T0;
import static ponte.core.fixtures.Fixtures.org;

import java.nio.file.Path;
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
import ponte.core.access.Caller;
import ponte.core.access.KeyId;
import ponte.core.access.Role;
import ponte.core.audit.Action;
import ponte.core.audit.Actor;
import ponte.core.audit.Audit;
import ponte.core.audit.AuditTrail;
import ponte.core.fixtures.MovableClock;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.Org;
import ponte.core.orgs.OrgKind;

/**
 * The audit trail on H2 and PostgreSQL: a change and its entry commit together or not at all, and the trail reads
 * back newest first, narrowed to what concerns an org, an action, a time.
 */
@ParameterizedClass
@EnumSource(FreshDatabase.Engine.class)
class JdbcAuditTrailTest {
    private static final Caller OPERATOR = new Caller.Operator(Optional.of("192.0.2.7"));

    @Parameter
    FreshDatabase.Engine engine;

    @TempDir
    Path dataDir;

    private final MovableClock clock = new MovableClock(T0);
    private FreshDatabase db;
    private JdbcOrgs orgs;
    private JdbcAuditTrail trail;
    private Audit audit;

    @BeforeEach
    void open() {
        db = FreshDatabase.on(engine, dataDir);
        orgs = new JdbcOrgs(db.database(), java.time.Clock.fixed(T0, ZoneOffset.UTC), new Ids(new Random(1)));
        trail = new JdbcAuditTrail(db.database());
        audit = new Audit(trail, new JdbcTransactions(db.database()), clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Org register(String id) {
        Org org = new Org(org(id), id.toUpperCase(), OrgKind.AGENCY, CountryCode.of("IT"));
        return audit.change(OPERATOR, Action.ORG_REGISTER, () -> orgs.register(org), o -> new Audit.Note(id, "registered " + id, Set.of(o.id())));
    }

    private List<AuditTrail.Recorded> read(AuditTrail.Query query) {
        return trail.read(query);
    }

    private static AuditTrail.Query everything() {
        return new AuditTrail.Query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 100);
    }

    @Test
    void aChangeIsKeptWithItsEntryWhoWhenAndWhere() {
        register("ansa");

        assertThat(orgs.byId(org("ansa"))).isPresent();
        List<AuditTrail.Recorded> entries = read(everything());
        assertThat(entries).hasSize(1);
        var entry = entries.getFirst().entry();
        assertThat(entry.actor()).isEqualTo(new Actor(Actor.Kind.OPERATOR, Optional.empty(), Optional.empty(), Optional.of("192.0.2.7")));
        assertThat(entry.at()).isEqualTo(T0);
        assertThat(entry.action()).isEqualTo(Action.ORG_REGISTER);
        assertThat(entry.target()).isEqualTo("ansa");
        assertThat(entry.summary()).isEqualTo("registered ansa");
        assertThat(entry.concerns()).containsExactly(org("ansa"));
    }

    @Test
    void aChangeWhoseEntryCannotBeRecordedIsNotMade() {
        Org org = new Org(org("efe"), "EFE", OrgKind.AGENCY, CountryCode.of("ES"));
        String tooLongForTheTrail = "x".repeat(300); // the target column holds 200 characters: the entry's insert fails

        Throwable refused = catchThrowable(() -> audit.change(OPERATOR, Action.ORG_REGISTER, () -> orgs.register(org),
                o -> new Audit.Note(tooLongForTheTrail, "registered", Set.of(o.id()))));

        assertThat(refused).isInstanceOf(StorageFailure.class);
        assertThat(orgs.byId(org("efe"))).isEmpty();
        assertThat(read(everything())).isEmpty();
    }

    @Test
    void theTrailReadsNewestFirstAndNarrowsByOrgActionAndTime() {
        register("ansa");
        clock.advance(Duration.ofHours(1));
        register("efe");
        Caller efeAdmin = new Caller.Member(org("efe"), Role.ADMIN, Optional.of(new KeyId("0123456789abcdef")), Optional.of("2001:db8:0:0:0:0:0:1"));
        clock.advance(Duration.ofHours(1));
        audit.record(efeAdmin, Action.KEY_REVOKE, new Audit.Note("fedcba9876543210", "revoked", Set.of(org("efe"))));

        assertThat(read(everything())).extracting(r -> r.entry().target()).containsExactly("fedcba9876543210", "efe", "ansa");
        assertThat(read(new AuditTrail.Query(Optional.of(org("efe")), Optional.empty(), Optional.empty(), Optional.empty(), 100)))
                .extracting(r -> r.entry().target()).containsExactly("fedcba9876543210", "efe");
        assertThat(read(new AuditTrail.Query(Optional.empty(), Optional.of(Action.ORG_REGISTER), Optional.empty(), Optional.empty(), 100)))
                .extracting(r -> r.entry().target()).containsExactly("efe", "ansa");
        assertThat(read(new AuditTrail.Query(Optional.empty(), Optional.empty(), Optional.of(T0.plus(Duration.ofHours(1))), Optional.empty(), 100)))
                .extracting(r -> r.entry().target()).containsExactly("fedcba9876543210", "efe");
        AuditTrail.Recorded revoked = read(everything()).getFirst();
        assertThat(revoked.entry().actor()).isEqualTo(Actor.of(efeAdmin));
    }

    @Test
    void aChangeMadeByAPersonSignedInIsKeptWithTheirUserName() {
        register("efe");
        Caller person = new Caller.Member(org("efe"), Role.ADMIN, Optional.empty(), Optional.of("192.0.2.9"), Optional.of("efe-admin"));
        audit.record(person, Action.KEY_REVOKE, new Audit.Note("fedcba9876543210", "revoked", Set.of(org("efe"))));

        Actor actor = read(everything()).getFirst().entry().actor();
        assertThat(actor.kind()).isEqualTo(Actor.Kind.USER);
        assertThat(actor.user()).hasValue("efe-admin");
        assertThat(actor.key()).isEmpty();
        assertThat(actor).isEqualTo(Actor.of(person));
    }

    @Test
    void pagesFollowOnFromTheLastEntryShownWithoutSkippingOrRepeating() {
        for (String id : List.of("a1", "a2", "a3", "a4", "a5")) {
            register(id);
        }

        List<AuditTrail.Recorded> first = read(new AuditTrail.Query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 2));
        List<AuditTrail.Recorded> second = read(new AuditTrail.Query(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(first.getLast().position()), 2));
        List<AuditTrail.Recorded> third = read(new AuditTrail.Query(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(second.getLast().position()), 2));

        assertThat(first).extracting(r -> r.entry().target()).containsExactly("a5", "a4");
        assertThat(second).extracting(r -> r.entry().target()).containsExactly("a3", "a2");
        assertThat(third).extracting(r -> r.entry().target()).containsExactly("a1");
    }
}

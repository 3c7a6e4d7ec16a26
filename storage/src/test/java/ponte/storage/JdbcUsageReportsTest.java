package ponte.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import ponte.core.items.ItemId;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.OrgId;
import ponte.core.reach.UsageKind;
import ponte.core.reach.UsageReport;

/**
 * What recording a batch answers is what is kept: the reports stored now as the database keeps them (to the
 * microsecond), and under an id a retry had already stored, that first report.
 */
@ParameterizedClass
@EnumSource(FreshDatabase.Engine.class)
class JdbcUsageReportsTest {
    private static final OrgId PARTNER = new OrgId("p0");

    @Parameter
    FreshDatabase.Engine engine;

    @TempDir
    Path dataDir;

    private FreshDatabase db;
    private JdbcUsageReports reports;

    @BeforeEach
    void open() {
        db = FreshDatabase.on(engine, dataDir);
        reports = new JdbcUsageReports(db.database());
        new Jdbc(db.database()).transaction(c -> {
            Jdbc.update(c, "insert into items (id, uri, latest_version, first_created, killed) values ('i1', 'urn:i1', 1, ?, false)",
                    Instant.EPOCH);
            Jdbc.update(c, """
                    insert into versions (item_id, version, event, created_at, ninjs, type, products, rights_include, rights_exclude)
                    values ('i1', 1, 'published', ?, '{}', 'text', 'prd_a', '', '')""", Instant.EPOCH);
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aBatchAnswersWhatIsKeptAndARetriedIdTheReportKeptFirst() {
        UsageReport first = report("r1", Instant.parse("2026-12-01T10:00:00.123456789Z"), Optional.of(10L));
        assertThat(reports.record(PARTNER, List.of(first))).isEqualTo(reports.byIds(PARTNER, List.of("r1")));

        UsageReport retried = report("r1", Instant.parse("2026-12-01T11:00:00Z"), Optional.empty());
        UsageReport lateInTheDay = report("r2", Instant.parse("2026-12-01T23:59:59.999999700Z"), Optional.empty());
        var answer = reports.record(PARTNER, List.of(retried, lateInTheDay));

        assertThat(answer).isEqualTo(reports.byIds(PARTNER, List.of("r1", "r2")));
        assertThat(answer.get("r1").at()).isEqualTo(Instant.parse("2026-12-01T10:00:00.123457Z"));
        assertThat(answer.get("r2").at()).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
    }

    private static UsageReport report(String id, Instant at, Optional<Long> audience) {
        return new UsageReport(PARTNER, id, new ItemId("i1"), 1, "out_1", CountryCode.of("KE"), UsageKind.AIRED, at, audience,
                at.plusNanos(1_234));
    }
}

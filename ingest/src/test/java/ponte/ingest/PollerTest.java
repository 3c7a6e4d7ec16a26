package ponte.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ponte.core.fixtures.Fixtures.T0;
import static ponte.formats.AtomFeeds.atom;
import static ponte.formats.AtomFeeds.entry;
import static ponte.ingest.FeedServer.ATOM;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.core.Ids;
import ponte.core.fixtures.MovableClock;
import ponte.core.ingest.Importing;
import ponte.core.ingest.Source;
import ponte.core.ingest.SourceFormat;
import ponte.core.ingest.SourceStatus;
import ponte.core.licensing.Entitlements;
import ponte.core.licensing.Network;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.Org;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.OrgKind;
import ponte.core.products.Product;
import ponte.core.products.ProductId;
import ponte.core.publishing.Appending;
import ponte.core.publishing.Publishing;
import ponte.formats.IngestReader;
import ponte.formats.NinjsReader;
import ponte.formats.NinjsSchema;
import ponte.formats.Writers;
import ponte.outbound.AddressGuard;
import ponte.storage.Database;
import ponte.storage.JdbcContentLog;
import ponte.storage.JdbcItems;
import ponte.storage.JdbcOrgs;
import ponte.storage.JdbcProducts;
import ponte.storage.JdbcSources;
import ponte.storage.NetworkFreshness;

/**
 * What a poll does to a source's status, with the real reader and an H2 store behind it: a read imports and keeps the
 * validators, an unchanged feed is asked conditionally, and whatever goes wrong becomes the source's error while what
 * it knew (the validators, when it last succeeded) is kept for the next try.
 */
class PollerTest {
    private static final String LAST_MODIFIED = "Fri, 01 May 2026 12:00:00 GMT";

    private final MovableClock clock = new MovableClock(T0);
    private FeedServer agency;
    private Database db;
    private JdbcContentLog log;
    private JdbcSources sources;
    private JdbcItems items;
    private Poller poller;

    @BeforeEach
    void node(@TempDir Path dataDir) throws Exception {
        agency = new FeedServer();
        db = Database.embedded(dataDir);
        new JdbcOrgs(db, clock, new Ids(new Random(1))).register(new Org(new OrgId("ansa"), "ANSA", OrgKind.AGENCY, CountryCode.of("IT")));
        JdbcProducts products = new JdbcProducts(db);
        products.register(new Product(new ProductId("wire"), new OrgId("ansa"), "Wire"));
        // No licences: the poller's business ends where the log begins.
        log = new JdbcContentLog(db, new Appending(new Entitlements(() -> Network.EMPTY), clock), new NetworkFreshness(db, () -> { }), entries -> { });
        sources = new JdbcSources(db);
        items = new JdbcItems(db);
        NinjsSchema ninjs = new NinjsSchema();
        poller = new Poller(sources, new Importing(new Publishing(log, products, items, new Ids(new Random(2))), items),
                new IngestReader(new NinjsReader(ninjs), Writers.standard(ninjs).versions()),
                new AddressGuard(false).trusting(agency.address()), clock, Duration.ofSeconds(2), Duration.ofSeconds(1));
    }

    @AfterEach
    void stop() throws Exception {
        poller.close();
        log.close();
        db.close();
        agency.close();
    }

    private Source source(String path) {
        Source source = new Source("ansa-wire", new OrgId("ansa"), agency.url(path), SourceFormat.ATOM, Duration.ofHours(1),
                Set.of(new ProductId("wire")), false, T0);
        sources.create(source);
        return source;
    }

    private void serveTwoEntries(String etag) {
        agency.document("/ansa.atom", ATOM, atom(entry("urn:ansa:1", "Primo", "2026-05-01T10:00:00Z"),
                entry("urn:ansa:2", "Secondo", "2026-05-01T11:00:00Z")), etag, LAST_MODIFIED);
    }

    @Test
    void aReadableFeedIsImportedAndTheSourceKeepsItsValidators() throws Exception {
        serveTwoEntries("\"v1\"");
        Source source = source("/ansa.atom");

        SourceStatus status = poller.pollOnce(source);

        assertThat(status.state()).isEqualTo(SourceStatus.State.OK);
        assertThat(status.counts()).isEqualTo(new SourceStatus.Counts(1, 2, 0, 0, 0, 0));
        assertThat(status.etag()).contains("\"v1\"");
        assertThat(status.lastModified()).contains(LAST_MODIFIED);
        assertThat(sources.status(source.id())).isEqualTo(status);
        assertThat(items.byUri("urn:ansa:1")).isPresent();
        assertThat(items.byUri("urn:ansa:2")).isPresent();
    }

    @Test
    void unchangedFeedIsAskedConditionallyAndAnswered304() throws Exception {
        serveTwoEntries("\"v1\"");
        Source source = source("/ansa.atom");
        poller.pollOnce(source);
        clock.advance(Duration.ofHours(1));

        SourceStatus status = poller.pollOnce(source);

        assertThat(agency.requests().getLast()).isEqualTo(new FeedServer.Request("/ansa.atom", Optional.of("\"v1\""), Optional.of(LAST_MODIFIED)));
        assertThat(status.state()).isEqualTo(SourceStatus.State.OK);
        assertThat(status.counts()).as("polled twice, imported once").isEqualTo(new SourceStatus.Counts(2, 2, 0, 0, 0, 0));
        assertThat(status.lastSuccessAt()).contains(T0.plus(Duration.ofHours(1)));
        assertThat(status.etag()).contains("\"v1\"");
    }

    @Test
    void aFailingServerMakesTheSourceFailingAndKeepsWhatItKnew() throws Exception {
        serveTwoEntries("\"v1\"");
        Source source = source("/ansa.atom");
        poller.pollOnce(source);
        agency.status("/ansa.atom", 503);
        clock.advance(Duration.ofHours(1));

        SourceStatus status = poller.pollOnce(source);

        assertThat(status.state()).isEqualTo(SourceStatus.State.FAILING);
        assertThat(status.lastError()).contains("HTTP 503 from " + agency.url("/ansa.atom"));
        assertThat(status.lastPolledAt()).contains(T0.plus(Duration.ofHours(1)));
        assertThat(status.lastSuccessAt()).contains(T0);
        assertThat(status.etag()).as("validators kept for the next try").contains("\"v1\"");
        assertThat(status.counts().polls()).isEqualTo(2);
        assertThat(sources.status(source.id())).isEqualTo(status);
    }

    @Test
    void aSourceRecoversWhenItsServerAnswersAgain() throws Exception {
        agency.status("/ansa.atom", 500);
        Source source = source("/ansa.atom");
        assertThat(poller.pollOnce(source).state()).isEqualTo(SourceStatus.State.FAILING);
        serveTwoEntries("\"v1\"");

        SourceStatus status = poller.pollOnce(source);

        assertThat(status.state()).isEqualTo(SourceStatus.State.OK);
        assertThat(status.lastError()).isEmpty();
        assertThat(status.counts()).isEqualTo(new SourceStatus.Counts(2, 2, 0, 0, 0, 0));
    }

    @Test
    void aDocumentThatIsNotTheDeclaredFormatFailsTheSourceNotThePoller() throws Exception {
        agency.document("/ansa.atom", ATOM, "{\"this\": \"is not Atom\"}", "\"j\"", LAST_MODIFIED);
        Source source = source("/ansa.atom");

        SourceStatus status = poller.pollOnce(source);

        assertThat(status.state()).isEqualTo(SourceStatus.State.FAILING);
        assertThat(status.lastError()).hasValueSatisfying(e -> assertThat(e).startsWith("could not read the document as atom: "));
        assertThat(status.etag()).as("nothing was read, so nothing to validate against").isEmpty();
    }

    @Test
    void aSilentServerBecomesATimeoutInTheSourcesStatus() throws Exception {
        agency.stall("/ansa.atom", Duration.ofSeconds(10));
        Source source = source("/ansa.atom");

        SourceStatus status = poller.pollOnce(source);

        assertThat(status.state()).isEqualTo(SourceStatus.State.FAILING);
        assertThat(status.lastError()).hasValueSatisfying(e -> assertThat(e).startsWith("timed out: "));
    }

    @Test
    void pollNowWakesASourceThatIsWaitingForItsInterval() {
        serveTwoEntries("\"v1\"");
        Source source = source("/ansa.atom");
        poller.start(source);
        await().atMost(Duration.ofSeconds(10)).until(() -> sources.status(source.id()).counts().polls() == 1);

        poller.wake(source.id()); // the hour has not passed on the clock: only the wake-up polls again

        await().atMost(Duration.ofSeconds(10)).until(() -> sources.status(source.id()).counts().polls() == 2);
        assertThat(agency.requests()).hasSize(2);
    }
}

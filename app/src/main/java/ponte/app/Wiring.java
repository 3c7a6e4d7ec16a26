package ponte.app;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import ponte.api.HttpApi;
import ponte.api.Services;
import ponte.core.Ids;
import ponte.core.items.Desk;
import ponte.core.items.Publishing;
import ponte.core.items.Reading;
import ponte.core.licensing.Entitlements;
import ponte.core.agreements.Agreeing;
import ponte.core.items.Releasing;
import ponte.core.log.Feeds;
import ponte.core.orgs.Onboarding;
import ponte.core.products.Cataloguing;
import ponte.formats.NinjsReader;
import ponte.formats.NinjsSchema;
import ponte.core.ingest.Importing;
import ponte.core.ingest.Ingesting;
import ponte.formats.IngestReader;
import ponte.formats.Writers;
import ponte.ingest.Poller;
import ponte.storage.JdbcSources;
import ponte.storage.Database;
import ponte.storage.JdbcContentLog;
import ponte.storage.JdbcItems;
import ponte.storage.JdbcKeys;
import ponte.storage.JdbcAgreements;
import ponte.storage.Releases;
import ponte.storage.JdbcOrgs;
import ponte.storage.JdbcProducts;

/** The object graph of one Ponte node, built by hand: every dependency is a constructor argument. */
public final class Wiring implements AutoCloseable {
    public final Database database;
    public final JdbcOrgs orgs;
    public final JdbcKeys keys;
    public final JdbcProducts products;
    public final JdbcAgreements agreements;
    public final Releasing releasing;
    public final Entitlements entitlements;
    public final JdbcContentLog log;
    public final JdbcItems items;
    public final Services services;
    // --- ingest (issue 5) ---
    public final JdbcSources sources;
    public final Poller poller;
    private final HttpApi http;
    private Thread releaseScheduler;

    public Wiring(Settings settings, Clock systemClock) {
        // Microseconds, as H2 and PostgreSQL store times: a version read from memory (the recent routes) is then
        // rendered to the same bytes as the one read back from the database (and so has the same ETag).
        Clock clock = Clock.tick(systemClock, Duration.ofNanos(1_000));
        SecureRandom random = new SecureRandom();
        Ids ids = new Ids(random);
        database = settings.databaseUrl().map(url -> Database.at(url, System.getenv().getOrDefault("PONTE_DB_USER", ""),
                System.getenv().getOrDefault("PONTE_DB_PASSWORD", ""))).orElseGet(() -> Database.embedded(settings.dataDir()));
        orgs = new JdbcOrgs(database, clock, ids);
        keys = new JdbcKeys(database, clock, random);
        products = new JdbcProducts(database);
        agreements = new JdbcAgreements(database);
        entitlements = new Entitlements(() -> JdbcAgreements.network(agreements, orgs));
        log = new JdbcContentLog(database, new Desk(entitlements, clock), clock);
        Releases releases = new Releases(database);
        releasing = new Releasing(log, releases, clock);
        items = new JdbcItems(database);
        Publishing publishing = new Publishing(log, products, ids);
        NinjsSchema ninjs31 = new NinjsSchema();
        NinjsReader ninjsReader = new NinjsReader(ninjs31);
        Writers writers = Writers.standard(ninjs31);

        // --- ingest (issue 5): sources polled on virtual threads, filed through the same Publishing use case ---
        sources = new JdbcSources(database);
        Importing importing = new Importing(publishing, items);
        IngestReader ingestReader = new IngestReader(ninjsReader, writers.versions());
        poller = new Poller(sources, importing, ingestReader, clock, Duration.ofSeconds(10), Duration.ofSeconds(30));
        Ingesting ingesting = new Ingesting(sources, products, importing, poller, ids, clock);
        // --- end ingest ---

        services = new Services(
                new Onboarding(orgs, keys, entitlements),
                orgs,
                keys,
                new Cataloguing(products),
                new Agreeing(agreements, orgs, products, entitlements, releases, clock, ids),
                publishing,
                new Reading(items, entitlements, clock),
                new Feeds(log, entitlements, clock),
                entitlements,
                ninjsReader,
                writers.ninjs(),
                clock,
                settings.bootstrapAdminKey(),
                writers,
                ingesting,
                ingestReader);
        http = new HttpApi(services, settings.host(), settings.port());
    }

    public Wiring start() throws Exception {
        http.start();
        poller.resumeAll();
        releaseScheduler = Thread.ofVirtual().name("ponte-releases").start(this::releaseEverySecond);
        return this;
    }

    /**
     * Embargo lapses and licence starts become log entries within about a second of their time. Polling the small
     * releases table once a second is cheaper than timers per item, and survives restarts for free.
     */
    private void releaseEverySecond() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                releasing.runDue();
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(Wiring.class).warn("releasing due items failed; retrying in a second", e);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    public int port() {
        return http.port();
    }

    public void join() throws InterruptedException {
        http.join();
    }

    @Override
    public void close() throws Exception {
        if (releaseScheduler != null) {
            releaseScheduler.interrupt();
            releaseScheduler.join(5_000);
        }
        poller.close();
        http.close();
        log.close();
        database.close();
    }
}

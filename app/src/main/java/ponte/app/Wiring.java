package ponte.app;

import java.security.SecureRandom;
import java.time.Clock;
import ponte.api.HttpApi;
import ponte.api.Services;
import ponte.core.Ids;
import ponte.core.items.Desk;
import ponte.core.items.Publishing;
import ponte.core.items.Finding;
import ponte.core.items.LanguageVersions;
import ponte.core.items.Reading;
import ponte.core.licensing.Entitlements;
import ponte.core.agreements.Agreeing;
import ponte.core.items.Releasing;
import ponte.core.log.Feeds;
import ponte.core.orgs.Onboarding;
import ponte.core.products.Cataloguing;
import ponte.core.search.Searching;
import ponte.formats.NinjsReader;
import ponte.formats.NinjsSchema;
import ponte.formats.NinjsWriter;
import ponte.search.Indexer;
import ponte.search.LuceneIndex;
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
    public final LuceneIndex searchIndex;
    public final Indexer indexer;
    private final HttpApi http;
    private Thread releaseScheduler;

    public Wiring(Settings settings, Clock clock) {
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
        Reading reading = new Reading(items, entitlements, clock);

        // --- Search: a Lucene index under the data dir, a reader of the log with its own cursor (committed with the
        // index); Searching asks the entitlement gate (through Finding) about every candidate. ---
        searchIndex = LuceneIndex.open(settings.dataDir().resolve("search"), orgs, Runtime.getRuntime().availableProcessors());
        indexer = new Indexer(log, searchIndex);
        Finding finding = new Finding(entitlements);
        Searching searching = new Searching(searchIndex, log, items, entitlements, finding, clock);
        LanguageVersions languageVersions = new LanguageVersions(items, reading, finding, clock);
        // --- end of search ---

        services = new Services(
                new Onboarding(orgs, keys, entitlements),
                orgs,
                keys,
                new Cataloguing(products),
                new Agreeing(agreements, orgs, products, entitlements, releases, clock, ids),
                new Publishing(log, products, ids),
                reading,
                new Feeds(log, entitlements, clock),
                entitlements,
                new NinjsReader(new NinjsSchema()),
                new NinjsWriter(),
                clock,
                settings.bootstrapAdminKey(),
                searching,
                languageVersions);
        http = new HttpApi(services, settings.host(), settings.port());
    }

    public Wiring start() throws Exception {
        indexer.start();
        http.start();
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
        http.close();
        indexer.close();
        searchIndex.close();
        log.close();
        database.close();
    }
}

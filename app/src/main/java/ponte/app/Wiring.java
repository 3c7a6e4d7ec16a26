package ponte.app;

import java.security.SecureRandom;
import java.time.Clock;
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
import ponte.formats.NinjsWriter;
import ponte.storage.Database;
import ponte.storage.JdbcContentLog;
import ponte.storage.JdbcItems;
import ponte.storage.JdbcKeys;
import ponte.storage.JdbcAgreements;
import ponte.storage.Releases;
import ponte.storage.JdbcOrgs;
import ponte.storage.JdbcProducts;
import ponte.core.delivery.Subscribing;
import ponte.core.log.Tail;
import ponte.delivery.AddressGuard;
import ponte.delivery.DeliverySettings;
import ponte.delivery.Payloads;
import ponte.delivery.Pusher;
import ponte.storage.JdbcDeliveries;
import ponte.storage.JdbcEndpoints;

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
    private final HttpApi http;
    private Thread releaseScheduler;

    // --- push delivery: webhook endpoints, the pusher, the live stream's tail ---
    public final JdbcEndpoints endpoints;
    public final JdbcDeliveries deliveries;
    public final Tail tail;
    public final Pusher pusher;

    /** Push delivery with its defaults; PONTE_ALLOW_PRIVATE_ENDPOINTS=true lets endpoints be private addresses. */
    public Wiring(Settings settings, Clock clock) {
        this(settings, clock, DeliverySettings.defaults().allowingPrivate(allowPrivateFromEnvironment()));
    }

    public static boolean allowPrivateFromEnvironment() {
        return "true".equalsIgnoreCase(System.getenv().getOrDefault("PONTE_ALLOW_PRIVATE_ENDPOINTS", "").strip());
    }

    public Wiring(Settings settings, Clock clock, DeliverySettings delivery) {
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
        Feeds feeds = new Feeds(log, entitlements, clock);

        // --- push delivery ---
        endpoints = new JdbcEndpoints(database);
        deliveries = new JdbcDeliveries(database);
        AddressGuard guard = new AddressGuard(delivery.allowPrivate());
        pusher = new Pusher(endpoints, deliveries, feeds, new Payloads(new NinjsWriter(), entitlements, orgs, clock), guard, delivery, clock);
        tail = new Tail();
        tail.follow(pusher);
        log.listen(tail);
        Subscribing subscribing = new Subscribing(endpoints, deliveries, guard, log, Payloads.AVAILABLE, pusher, clock, random, ids);

        services = new Services(
                new Onboarding(orgs, keys, entitlements),
                orgs,
                keys,
                new Cataloguing(products),
                new Agreeing(agreements, orgs, products, entitlements, releases, clock, ids),
                new Publishing(log, products, ids),
                new Reading(items, entitlements, clock),
                feeds,
                entitlements,
                new NinjsReader(new NinjsSchema()),
                new NinjsWriter(),
                clock,
                settings.bootstrapAdminKey(),
                subscribing,
                tail,
                delivery.heartbeat());
        http = new HttpApi(services, settings.host(), settings.port());
    }

    public Wiring start() throws Exception {
        http.start();
        pusher.start();
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
        pusher.close();
        log.close();
        deliveries.close();
        database.close();
    }
}

package ponte.app;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.time.Duration;
import ponte.api.HttpApi;
import ponte.api.Services;
import ponte.core.Ids;
import ponte.core.publishing.Appending;
import ponte.core.publishing.Publishing;
import ponte.core.reading.Finding;
import ponte.core.reading.LanguageVersions;
import ponte.core.reading.Reading;
import ponte.core.licensing.Entitlements;
import ponte.core.agreements.Agreeing;
import ponte.core.publishing.Releasing;
import ponte.core.log.Feeds;
import ponte.core.onboarding.Onboarding;
import ponte.core.products.Cataloguing;
import ponte.core.log.LogEntry;
import ponte.core.search.Searching;
import ponte.formats.NinjsReader;
import ponte.kafka.KafkaSettings;
import ponte.kafka.KafkaProbe;
import ponte.kafka.KafkaTail;
import ponte.kafka.LogRelay;
import ponte.formats.NinjsSchema;
import ponte.core.ingest.Importing;
import ponte.core.ingest.Ingesting;
import ponte.formats.IngestReader;
import ponte.formats.Writers;
import ponte.ingest.Poller;
import ponte.storage.JdbcSources;
import ponte.search.Indexer;
import ponte.search.LuceneIndex;
import ponte.storage.Database;
import ponte.storage.JdbcContentLog;
import ponte.storage.JdbcItems;
import ponte.storage.JdbcLeadership;
import ponte.storage.JdbcLeases;
import ponte.storage.PostgresTail;
import ponte.storage.NetworkFreshness;
import ponte.storage.JdbcKeys;
import ponte.storage.JdbcAgreements;
import ponte.storage.Releases;
import ponte.storage.JdbcOrgs;
import ponte.storage.JdbcProducts;
import ponte.core.delivery.Subscribing;
import ponte.core.log.Tail;
import ponte.delivery.DeliverySettings;
import ponte.delivery.Payloads;
import ponte.delivery.Pusher;
import ponte.storage.JdbcDeliveries;
import ponte.storage.JdbcEndpoints;
import ponte.outbound.AddressGuard;

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
    public final Tail tail;
    private final NetworkFreshness freshness;
    private final JdbcLeadership leadership;
    private final LogRelay relay;
    private final KafkaTail kafkaTail;
    private final KafkaProbe kafkaProbe;
    private final PostgresTail postgresTail;
    public final NodeMetrics metrics;
    public final JdbcItems items;
    public final Services services;
    // --- ingest (issue 5) ---
    public final JdbcSources sources;
    public final Poller poller;
    public final LuceneIndex searchIndex;
    public final Indexer indexer;
    private final HttpApi http;
    private Thread releaseScheduler;

    // --- push delivery: webhook endpoints, the pusher, the live stream's tail ---
    public final JdbcEndpoints endpoints;
    public final JdbcDeliveries deliveries;
    public final Pusher pusher;
    /** On PostgreSQL several nodes may run: each endpoint is delivered by the node holding its lease. */
    private final JdbcLeases leases;
    private final String nodeId = java.util.UUID.randomUUID().toString();
    private Thread leaseKeeper;
    static final Duration LEASE_TTL = Duration.ofSeconds(15);
    static final Duration LEASE_EVERY = Duration.ofSeconds(3);

    /**
     * Push delivery with its defaults; PONTE_ALLOW_PRIVATE_ENDPOINTS=true lets webhook endpoints and ingest sources be
     * private addresses.
     */
    public Wiring(Settings settings, Clock clock) {
        this(settings, clock, DeliverySettings.defaults().allowingPrivate(allowPrivateFromEnvironment()));
    }

    public static boolean allowPrivateFromEnvironment() {
        return "true".equalsIgnoreCase(System.getenv().getOrDefault("PONTE_ALLOW_PRIVATE_ENDPOINTS", "").strip());
    }

    /** {@code delivery.allowPrivate()} turns the SSRF guard off for every outbound request: webhooks and ingest alike. */
    public Wiring(Settings settings, Clock systemClock, DeliverySettings delivery) {
        this(settings, systemClock, delivery, new AddressGuard(delivery.allowPrivate()));
    }

    /**
     * @param guard the SSRF guard of every request to a url someone else chose (webhook endpoints, ingest sources), in
     *              place of the one {@code delivery.allowPrivate()} would make: tests give it a DNS of their own, or let
     *              it trust a local server that stands for a public host
     */
    Wiring(Settings settings, Clock systemClock, DeliverySettings delivery, AddressGuard guard) {
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
        tail = new Tail();
        AtomicReference<Consumer<List<LogEntry>>> afterCommit = new AtomicReference<>(tail::committed);
        freshness = new NetworkFreshness(database, entitlements::refresh);
        log = new JdbcContentLog(database, new Appending(entitlements, clock), freshness, entries -> afterCommit.get().accept(entries));
        leadership = new JdbcLeadership(database);
        metrics = new NodeMetrics(() -> log.head().seq());
        tail.subscribe(metrics::appended);
        metrics.gauge("ponte_log_writer_queue_depth", "changes waiting for the log writer", log::queueDepth);
        metrics.check("database", database::answers);
        if (settings.kafkaBootstrap().isPresent()) {
            // Production mode: the leader relays committed entries to Kafka; every node's tail is fed from the topic.
            KafkaSettings kafka = new KafkaSettings(settings.kafkaBootstrap().get(), settings.kafkaTopic());
            relay = new LogRelay(kafka, log, leadership);
            afterCommit.set(relay::wake);
            kafkaTail = new KafkaTail(kafka, tail);
            kafkaProbe = new KafkaProbe(kafka);
            metrics.check("kafka", kafkaProbe::reachable);
            metrics.consumer("kafka-tail", () -> tail.last().seq());
            metrics.gauge("ponte_kafka_tail_records_behind", "records of the log topic this node has not read", kafkaTail::lag);
            metrics.gauge("ponte_kafka_relay_leader", "1 on the node relaying the log to Kafka", () -> relay.relayed() >= 0 ? 1 : 0);
        } else {
            relay = null;
            kafkaTail = null;
            kafkaProbe = null;
        }
        if (database.isPostgres() && settings.kafkaBootstrap().isEmpty()) {
            // Several nodes may share the database: the tail hears every node's entries through LISTEN/NOTIFY, in order.
            postgresTail = new PostgresTail(database, log, tail);
            afterCommit.set(postgresTail::announce);
            metrics.consumer("postgres-tail", () -> tail.last().seq());
        } else {
            postgresTail = null;
        }
        Releases releases = new Releases(database);
        releasing = new Releasing(log, releases, clock);
        items = new JdbcItems(database);
        Feeds feeds = new Feeds(log, entitlements, clock);

        // --- push delivery ---
        endpoints = new JdbcEndpoints(database);
        deliveries = new JdbcDeliveries(database);
        NinjsSchema ninjs31 = new NinjsSchema();
        Writers writers = Writers.standard(ninjs31);
        pusher = new Pusher(endpoints, deliveries, feeds, tail, new Payloads(writers, entitlements, orgs, clock), guard, delivery, clock,
                metrics::attempted);
        metrics.waiting(pusher::waiting);
        leases = database.isPostgres() ? new JdbcLeases(database) : null;
        Subscribing subscribing = new Subscribing(endpoints, deliveries, guard.urls("push to"), log, this::endpointChanged, clock, random, ids);

        Publishing publishing = new Publishing(log, products, ids);
        NinjsReader ninjsReader = new NinjsReader(ninjs31);

        // --- ingest (issue 5): sources polled on virtual threads, filed through the same Publishing use case ---
        sources = new JdbcSources(database);
        Importing importing = new Importing(publishing, items);
        IngestReader ingestReader = new IngestReader(ninjsReader, writers.versions());
        poller = new Poller(sources, importing, ingestReader, guard, clock, Duration.ofSeconds(10), Duration.ofSeconds(30));
        Ingesting ingesting = new Ingesting(sources, products, importing, poller, guard.urls("fetch from"), ids, clock);
        // --- end ingest ---

        Reading reading = new Reading(items, entitlements, clock);

        // --- Search: a Lucene index under the data dir, a reader of the log with its own cursor (committed with the
        // index); Searching asks the entitlement gate (through Finding) about every candidate. ---
        searchIndex = LuceneIndex.open(settings.dataDir().resolve("search"), orgs, Runtime.getRuntime().availableProcessors());
        indexer = new Indexer(log, searchIndex, tail);
        metrics.consumer("search-index", () -> searchIndex.cursor().seq());
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
                publishing,
                reading,
                feeds,
                entitlements,
                ninjsReader,
                writers.ninjs(),
                clock,
                settings.bootstrapAdminKey(),
                metrics,
                subscribing,
                tail,
                delivery.heartbeat(),
                writers,
                ingesting,
                ingestReader,
                searching,
                languageVersions);
        http = new HttpApi(services, settings.host(), settings.port());
    }

    public Wiring start() throws Exception {
        indexer.start();
        http.start();
        if (leases == null) {
            pusher.start(); // the only node: it delivers every endpoint
        } else {
            pusher.startLeased();
            balanceLeases();
            leaseKeeper = Thread.ofVirtual().name("ponte-endpoint-leases").start(this::keepLeases);
        }
        poller.resumeAll();
        releaseScheduler = Thread.ofVirtual().name("ponte-releases").start(this::releaseEverySecond);
        return this;
    }

    /** An endpoint was created or changed through this node: a new one is claimed here at once, if nobody holds it. */
    private void endpointChanged(ponte.core.delivery.EndpointId id) {
        if (leases != null && leases.claim(nodeId, id, java.time.Instant.now(), LEASE_TTL)) {
            java.util.Set<ponte.core.delivery.EndpointId> held = new java.util.HashSet<>(pusher.running());
            held.add(id);
            pusher.own(held);
        }
        pusher.accept(id);
    }

    private void balanceLeases() {
        // Wall-clock time, not the injected clock: leases are about which node is alive, not about business time.
        pusher.own(leases.balance(nodeId, java.time.Instant.now(), LEASE_TTL));
    }

    /**
     * Renews and balances leases every few seconds. A node that cannot reach the database for longer than it would
     * take its leases to expire stops delivering, so two nodes never push to one endpoint at once; a dead node's
     * endpoints are claimed by survivors within the TTL plus one round (under 20 s).
     */
    private void keepLeases() {
        long lastRenewed = System.nanoTime();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(LEASE_EVERY.toMillis());
                balanceLeases();
                lastRenewed = System.nanoTime();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() - lastRenewed > LEASE_TTL.minus(LEASE_EVERY).toNanos()) {
                    pusher.own(java.util.Set.of());
                }
                org.slf4j.LoggerFactory.getLogger(Wiring.class).warn("renewing endpoint leases failed: {}", e.getMessage());
            }
        }
    }

    /** Orgs, outlets and agreements changed on another node: read paths here must judge with the new network. */
    private void followNetworkChanges() {
        freshness.catchUp();
    }

    /**
     * Embargo lapses and licence starts become log entries within about a second of their time. Polling the small
     * releases table once a second is cheaper than timers per item, and survives restarts for free.
     */
    private void releaseEverySecond() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                followNetworkChanges();
                if (leadership.lead("releases")) { // on several nodes one releases, so no entry is doubled
                    releasing.runDue();
                }
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return; // the node is closing: the interrupt cut the query short
                }
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
        if (leaseKeeper != null) {
            leaseKeeper.interrupt();
            leaseKeeper.join(5_000);
        }
        pusher.close();
        if (postgresTail != null) {
            postgresTail.close();
        }
        if (kafkaTail != null) {
            kafkaTail.close();
            relay.close();
            kafkaProbe.close();
        }
        indexer.close();
        searchIndex.close();
        log.close();
        deliveries.close();
        leadership.close();
        database.close();
    }
}

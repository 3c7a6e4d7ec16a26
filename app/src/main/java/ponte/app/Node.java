package ponte.app;

import java.io.IOException;
import java.net.BindException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import ponte.api.HttpApi;
import ponte.core.access.Role;
import ponte.core.delivery.Delivered;
import ponte.core.delivery.EndpointId;
import ponte.core.items.ItemId;
import ponte.core.items.Items;
import ponte.core.licensing.Network;
import ponte.core.log.ContentLog;
import ponte.core.log.Cursor;
import ponte.core.log.LogEntry;
import ponte.core.orgs.OrgId;
import ponte.delivery.DeliverySettings;
import ponte.outbound.AddressGuard;

/**
 * One running Ponte node: built by {@link Wiring}, started and stopped here, with the few questions and nudges the
 * command line, the demo, tests and benchmarks need (instead of reaching into the object graph).
 */
public final class Node implements AutoCloseable {
    private final Settings settings;
    private final Wiring w;
    private boolean closed;

    /** Push delivery with its defaults: webhook endpoints and ingest sources may not be private addresses. */
    public Node(Settings settings, Clock clock) {
        this(settings, clock, DeliverySettings.defaults());
    }

    /**
     * {@code delivery.allowPrivate()} opens the SSRF guard to loopback and private addresses for every outbound request,
     * webhooks and ingest alike (the metadata service and the like stay refused).
     */
    public Node(Settings settings, Clock clock, DeliverySettings delivery) {
        this(settings, clock, delivery, new AddressGuard(delivery.allowPrivate()));
    }

    /** A node whose webhooks and ingest go through this SSRF guard instead of the one {@code delivery} would make. */
    Node(Settings settings, Clock clock, DeliverySettings delivery, AddressGuard guard) {
        this.settings = settings;
        this.w = new Wiring(settings, clock, delivery, guard);
    }

    /**
     * Starts every part; when one cannot start, closes what started (so no loop is left working on a database the
     * process is about to drop) and throws.
     *
     * @throws PortTaken when the API's or the management port is held by another process
     */
    public Node start() throws Exception {
        try {
            w.search.indexer().start();
            // What a crash left in the journals is in the store before anyone can ask for counts.
            w.clicks.start();
            w.heartbeats.start();
            listen(w.http, "--port", settings.host(), settings.port());
            listen(w.management, "--management-port", settings.management().host(), settings.management().port());
            w.pushing.start();
            w.retention.start();
            w.poller.resumeAll();
            w.releaseLoop.start();
            w.ffmpeg.unavailable().ifPresent(why -> org.slf4j.LoggerFactory.getLogger(Node.class).warn("media uploads are refused: {}", why));
            w.preparing.start();
            w.heldRelease.start();
            w.downloads.start();
            w.reads.start();
            w.mediaRetentionLoop.start();
            w.reachFolding.start();
            w.resuming.expire(); // uploads abandoned while the node was down; later ones go as new uploads are created
            return this;
        } catch (Exception e) {
            try {
                close();
            } catch (Exception alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
    }

    private static void listen(HttpApi api, String option, String host, int port) throws Exception {
        try {
            api.start();
        } catch (IOException e) {
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                throw new PortTaken(option, host, port, e);
            }
            throw e;
        }
    }

    public int port() {
        return w.http.port();
    }

    /** The management port: /metrics, /health and /ready for operators. */
    public int managementPort() {
        return w.management.port();
    }

    public void join() throws InterruptedException {
        w.http.join();
    }

    public boolean onPostgres() {
        return w.stores.database().isPostgres();
    }

    /** The use cases callers inside the process reach directly, not over HTTP (the demo's loader, tests, benchmarks). */
    public UseCases useCases() {
        return w.useCases;
    }

    /** The routes the node's API answers (its OpenAPI document must describe each one). */
    List<HttpApi.Route> routes() {
        return w.http.routes();
    }

    /** The routes the management port answers (documented in the same OpenAPI document, with that port as their server). */
    List<HttpApi.Route> managementRoutes() {
        return w.management.routes();
    }

    public Items items() {
        return w.stores.items();
    }

    /** How many items the log holds, in every state. */
    public long itemCount() {
        return w.stores.items().count();
    }

    /** The licences in force and the orgs' territories, as stored now. */
    public Network network() {
        return w.stores.network();
    }

    /** Loads the demo network through the same use cases the API calls; loading it again changes nothing. */
    public DemoNetwork.Loaded loadDemoNetwork() {
        DemoNetwork.Loaded loaded = new DemoNetwork(w.useCases, w.stores.keys(), w.stores.items(), w.stores.agreements(),
                new DemoCampaign(w.useCases, w.stores.offers(), w.stores.clicks(), w.stores.items())).load();
        new DemoLiveEvents(w.liveEventing, w.stores.items()).load(DemoNetwork.read());
        // One person per demo org and role for the web UI, "<org>-<role>", whose password is the demo key. The hashes
        // ship made (Argon2 takes seconds each); DemoNetworkTest fails when an account has none, so hashing here is rare.
        loaded.keys().forEach(k -> w.accounts.installHashed(k.org(), DemoNetwork.username(k), k.role(),
                DemoPasswordHashes.of(DemoNetwork.username(k)).orElseGet(() -> w.accounts.hash(k.secret()))));
        return loaded;
    }

    /**
     * The operator's web UI account (no org; its sessions act as the bootstrap admin key's holder), made when missing
     * and its password set to the admin key when that changed.
     */
    public ponte.core.accounts.User installOperator(String username, String adminKey) {
        return w.accounts.operator(username, adminKey);
    }

    /** People's accounts and sessions (the web UI's), for tests and the demo. */
    public ponte.core.accounts.Accounts accounts() {
        return w.accounts;
    }

    /**
     * Makes the demo's clip with ffmpeg and attaches it to the Milano-Cortina special through this node's API (after
     * {@link #loadDemoNetwork()}); skipped with a logged line without ffmpeg, and left alone once done.
     */
    DemoMedia.Outcome loadDemoMedia() {
        ItemId special = w.stores.items().byUri(DemoMedia.SPECIAL).orElseThrow().id();
        return new DemoMedia(port(), settings.media().ffmpeg(), settings.dataDir().resolve("demo-media"))
                .attach(special.value(), DemoNetwork.ninjsOf(DemoMedia.SPECIAL));
    }

    /** How many download reach facts are recorded for an item (tests). */
    long mediaDownloads(ItemId item) {
        return w.stores.downloads().countFor(item);
    }

    /** The last entry of the content log. */
    public Cursor head() {
        return w.log.head();
    }

    /** The content log, for benchmarks that time its reads. */
    public ContentLog log() {
        return w.log;
    }

    /** Changes waiting for the log writer. */
    public int logQueueDepth() {
        return w.log.queueDepth();
    }

    /** The last entry this node's tail handed on: on Kafka, how far this node has heard of the whole cluster's log. */
    public Cursor heard() {
        return w.tail.last();
    }

    /** Also tell {@code listener} of every entry this node's tail hands on, in log order. */
    public void onEntry(Consumer<LogEntry> listener) {
        w.tail.subscribe(listener);
    }

    /** Appends the releases due now (the release loop does so about once a second); returns how many. */
    public int releaseDue() {
        return w.releasing.runDue();
    }

    /** Starts folding reach counts in the background, as {@link #start()} does (benchmarks that use a node unstarted). */
    public void startReachFolding() {
        w.reachFolding.start();
    }

    /** Indexes every entry of the log not yet in the search index, now. */
    public void catchUpSearch() {
        w.search.indexer().catchUp();
    }

    /** The last entry the search index holds. */
    public Cursor searchCursor() {
        return w.search.index().cursor();
    }

    /** The endpoints this node delivers to now. */
    public Set<EndpointId> delivering() {
        return w.pushing.pusher().running();
    }

    /** Prunes delivery attempts and dead letters older than the retention now, in the background, rather than within the hour. */
    public void pruneDeliveries() {
        w.retention.wake();
    }

    /** Deletes the media of items killed longer ago than the retention now, on the caller's thread (the node does so every hour). */
    public ponte.core.media.MediaRetention.Swept sweepKilledMedia() {
        return w.mediaRetention.sweep();
    }

    /** Who received which version of the item when: the reach facts of its deliveries. */
    public List<Delivered> reachOf(ItemId item) {
        return w.stores.deliveries().reach(item);
    }

    /** Installs a key of one's choosing (the demo's printed keys, a benchmark's fixed keys). */
    public void installKey(OrgId org, Role role, String secret) {
        w.stores.keys().install(org, role, secret);
    }

    /** Forgets the idempotency keys older than the retention now (the node does so every ten minutes); returns how many. */
    public int forgetOldIdempotencyKeys() {
        return w.idempotency.prune();
    }

    /** Indexes the log up to entry {@code seq} and makes it searchable (benchmarks index the log in steps). */
    public void indexUpTo(long seq) {
        w.search.indexer().catchUp(reached -> { }, seq);
    }

    /** Commits the search index to disk now. */
    public void commitSearch() {
        w.search.index().commit();
    }

    /** The node's database, for benchmarks that watch its tables directly. */
    public DataSource dataSource() {
        return w.stores.database().dataSource();
    }

    /**
     * The threads of the node's background loops that work in the database: ingest pollers, pushers, the lease keeper,
     * the release loop and the retention loop. They are stopped by flags, never interrupted; tests interrupt them to show the node
     * carries on whatever an interrupt from elsewhere hits.
     */
    List<Thread> loopThreads() {
        List<Thread> all = new java.util.ArrayList<>(w.poller.threads());
        all.addAll(w.pushing.threads());
        all.add(w.releaseLoop.thread());
        all.add(w.retention.thread());
        return all;
    }

    /** Closes the database under the running node, as when it goes away: for seeing how the node reports it. */
    public void closeDatabase() {
        w.stores.database().close();
    }

    /** Closes every part once; later calls (a shutdown hook and the command that started the node) do nothing. */
    @Override
    public synchronized void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        // In order, each whatever the one before did: a server that does not stop in time (a client holding a
        // connection open) must not leave the database unclosed. The tail first, so live streams end at once.
        Exception first = null;
        for (AutoCloseable part : List.<AutoCloseable>of(w.releaseLoop, w.poller, w.preparing, w.heldRelease, w.mediaRetentionLoop, w.tail::close, w.http, w.management, w.authenticator, w.idempotency,
                w.retention, w.pushing, w.downloads, w.reads, w.clicks, w.heartbeats, w.reachFolding, w.mode, w.search, w.log, w.entitlements, w.stores)) {
            try {
                part.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}

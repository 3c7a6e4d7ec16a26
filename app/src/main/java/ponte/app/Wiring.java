package ponte.app;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import ponte.api.AgreementsResource;
import ponte.api.CoproductionsResource;
import ponte.api.TranslationTasksResource;
import ponte.api.AuditResource;
import ponte.api.Authenticator;
import ponte.api.ClientAddresses;
import ponte.api.CatalogueResource;
import ponte.api.EndpointsResource;
import ponte.api.FeedResource;
import ponte.api.HealthResource;
import ponte.api.HttpApi;
import ponte.api.Idempotency;
import ponte.api.ImportsResource;
import ponte.api.IngestResource;
import ponte.api.ItemViews;
import ponte.api.ItemsResource;
import ponte.api.KeysResource;
import ponte.api.MediaResource;
import ponte.api.MetricsResource;
import ponte.api.RenditionProfileResource;
import ponte.api.UploadsResource;
import ponte.api.ReachResource;
import ponte.api.UsageResource;
import ponte.api.CampaignsResource;
import ponte.api.GoResource;
import ponte.api.ConversionsResource;
import ponte.api.OffersResource;
import ponte.api.OrgsResource;
import ponte.api.ProblemsResource;
import ponte.api.RateLimiter;
import ponte.api.SearchResource;
import ponte.api.StreamResource;
import ponte.api.SystemResource;
import ponte.core.FactLog;
import ponte.api.HeartbeatResource;
import ponte.api.LiveEventsResource;
import ponte.storage.FactJournal;
import ponte.web.LiveEventPages;
import ponte.storage.JdbcBackfills;
import ponte.storage.JdbcClickFacts;
import ponte.storage.JdbcHeartbeats;
import ponte.storage.JdbcLiveEvents;
import ponte.core.campaigns.Campaigning;
import ponte.core.campaigns.Click;
import ponte.core.campaigns.Clicking;
import ponte.core.campaigns.Converting;
import ponte.core.campaigns.Funneling;
import ponte.core.campaigns.Heartbeat;
import ponte.core.campaigns.LiveEventing;
import ponte.core.campaigns.Watching;
import ponte.core.campaigns.DailySalt;
import ponte.core.campaigns.Offering;
import ponte.formats.NinjsDisclosure;
import ponte.core.Ids;
import ponte.core.accounts.Accounts;
import ponte.core.accounts.Inviting;
import ponte.core.agreements.Agreeing;
import ponte.core.coproduction.Coproducing;
import ponte.core.coproduction.Cosigning;
import ponte.core.translation.MachineTranslation;
import ponte.core.translation.Translating;
import ponte.core.translation.TranslationDesk;
import ponte.core.agreements.Dealings;
import ponte.core.audit.Audit;
import ponte.core.audit.Auditing;
import ponte.core.agreements.Explaining;
import ponte.core.delivery.Retention;
import ponte.core.delivery.RetentionLoop;
import ponte.core.delivery.Subscribing;
import ponte.core.ingest.Backfilling;
import ponte.core.ingest.Importing;
import ponte.core.ingest.Ingesting;
import ponte.core.licensing.Entitlements;
import ponte.core.log.Feeds;
import ponte.core.media.Attaching;
import ponte.api.HeldRelease;
import ponte.storage.JdbcHeldItems;
import ponte.core.media.ChoosingRenditions;
import ponte.core.media.Downloaded;
import ponte.core.media.MediaRetention;
import ponte.core.media.MediaRetentionLoop;
import ponte.core.media.MediaStore;
import ponte.core.media.Preparing;
import ponte.core.media.Resuming;
import ponte.core.media.Subtitling;
import ponte.core.media.Uploading;
import ponte.core.log.Tail;
import ponte.core.onboarding.Onboarding;
import ponte.core.products.Cataloguing;
import ponte.core.publishing.Appending;
import ponte.core.publishing.Publishing;
import ponte.core.publishing.ReleaseLoop;
import ponte.core.publishing.Releasing;
import ponte.core.reach.ReachFolding;
import ponte.core.reach.ReadFact;
import ponte.core.reach.Reads;
import ponte.core.reach.Reaching;
import ponte.core.reach.Recipients;
import ponte.core.reach.Reporting;
import ponte.core.reading.Downloading;
import ponte.core.reading.Reading;
import ponte.delivery.DeliverySettings;
import ponte.delivery.Payloads;
import ponte.formats.IngestReader;
import ponte.formats.NinjsReader;
import ponte.formats.NinjsSchema;
import ponte.formats.SignedHrefs;
import ponte.formats.Writers;
import ponte.ingest.Poller;
import ponte.media.FileMediaStore;
import ponte.media.FileUploadParts;
import ponte.media.S3MediaStore;
import ponte.media.Ffmpeg;
import ponte.media.TikaSniffer;
import ponte.outbound.AddressGuard;
import ponte.storage.JdbcContentLog;
import ponte.web.Argon2Passwords;
import ponte.web.AdminPages;
import ponte.web.AgreementPages;
import ponte.web.DeskLive;
import ponte.web.EndpointPages;
import ponte.web.DeskPages;
import ponte.web.DeskMedia;
import ponte.web.MediaPages;
import ponte.web.PortalPages;
import ponte.web.FunnelPages;
import ponte.web.ReachPages;
import ponte.web.SessionCache;
import ponte.web.SourcePages;
import ponte.web.WebUi;
import ponte.storage.NetworkFreshness;
import ponte.storage.SigningKeys;

/**
 * The object graph of one Ponte node, built by hand: every dependency is a constructor argument. Construction only:
 * {@link Node} starts and stops what is built here.
 */
final class Wiring {
    final Stores stores;
    final JdbcContentLog log;
    final Tail tail;
    final LogMode mode;
    final Releasing releasing;
    final ReleaseLoop releaseLoop;
    final Pushing pushing;
    final RetentionLoop retention;
    final Poller poller;
    final Search search;
    final Ffmpeg ffmpeg;
    final Preparing preparing;
    final HeldRelease heldRelease;
    final Resuming resuming;
    final FactLog<Downloaded> downloads;
    /** Partners' feed, stream and item reads, written in batches off the request path. */
    final FactLog<ReadFact> reads;
    final MediaRetention mediaRetention;
    final MediaRetentionLoop mediaRetentionLoop;
    /** Followed tracked links, journaled before each redirect and written to the store in batches. */
    final FactJournal<Click> clicks;
    /** Players' heartbeats of live events, journaled before each 204 and written to the store in batches. */
    final FactJournal<Heartbeat> heartbeats;
    /** Live events, for the demo network's loader. */
    final LiveEventing liveEventing;
    /** Reach counted in advance, folded off the publish path. */
    final ReachFolding reachFolding;
    final UseCases useCases;
    final Idempotency idempotency;
    final HttpApi http;
    final Authenticator authenticator;
    /** People's accounts and sessions for the web UI. */
    final Accounts accounts;
    /** The one entitlement gate; its whole index is rebuilt on a thread of its own, stopped on close. */
    final Entitlements entitlements;
    /** The operator's port: metrics and probes, apart from the API so /metrics is never public. */
    final HttpApi management;

    /**
     * @param guard the SSRF guard of every request to a url someone else chose (webhook endpoints, ingest sources):
     *              tests give one with a DNS of their own, or one that trusts a local server standing for a public host
     */
    Wiring(Settings settings, Clock systemClock, DeliverySettings delivery, AddressGuard guard) {
        // Microseconds, as H2 and PostgreSQL store times: a version read from memory (the recent routes) is then
        // rendered to the same bytes as the one read back from the database (and so has the same ETag).
        Clock clock = Clock.tick(systemClock, Duration.ofNanos(1_000));
        SecureRandom random = new SecureRandom();
        Ids ids = new Ids(random, clock);
        stores = Stores.open(settings, clock, random, ids);
        // A change refreshes only the partitions it concerns; the whole index is rebuilt on this thread, never a request's.
        entitlements = Entitlements.rebuildingInBackground(stores.networkSource());
        // Every change is recorded with its audit entry in one transaction (the log's entries in the writer's).
        Audit audit = new Audit(stores.auditTrail(), stores.transactions(), clock);
        // Which renditions each partner chose: asked by every rendering for a partner (feed, items, webhooks).
        ChoosingRenditions renditionChoices = new ChoosingRenditions(stores.renditionProfiles(), stores.orgs(), audit, clock);
        // Partners' rendition links, signed with a key every node of the database shares.
        SignedHrefs links = new SignedHrefs(new SigningKeys(stores.database(), random).secret("media-links"), settings.media().linkLifetime());

        // --- the content log, and how entries committed on any node reach this node's tail ---
        tail = new Tail();
        LocalCommits commits = new LocalCommits();
        NetworkFreshness freshness = new NetworkFreshness(stores.database(), entitlements::refresh, entitlements::refresh);
        log = new JdbcContentLog(stores.database(), new Appending(entitlements, clock), freshness, commits);
        NodeMetrics metrics = new NodeMetrics(() -> log.head().seq());
        tail.subscribe(metrics::appended);
        metrics.gauge("ponte_log_writer_queue_depth", "changes waiting for the log writer", log::queueDepth);
        metrics.check("database", stores.database()::answers);
        mode = LogMode.start(settings, stores, log, commits, tail, metrics);
        releasing = new Releasing(log, stores.releases(), clock);
        // Orgs, outlets and agreements changed on another node: read paths here must judge with the new network.
        releaseLoop = new ReleaseLoop(releasing, stores.leadership(), freshness::catchUp,
                e -> LoggerFactory.getLogger(ReleaseLoop.class).warn("releasing due items failed; retrying in a second", e));
        Feeds feeds = new Feeds(log, entitlements, clock);

        // --- push delivery ---
        NinjsSchema ninjs31 = new NinjsSchema();
        Writers writers = Writers.standard(ninjs31);
        pushing = Pushing.build(stores, feeds, new Payloads(writers, stores.orgs(), clock, renditionChoices::profile, links), tail, mode.leases(), guard, delivery,
                metrics, clock);
        retention = new RetentionLoop(new Retention(stores.deliveries(), delivery.retention(), clock), stores.leadership(),
                new RetentionReport(delivery.retention(), metrics.registry()));
        Dealings dealings = new Dealings(stores.agreements(), stores.products(), stores.orgs(), entitlements, clock);
        Subscribing subscribing = new Subscribing(stores.endpoints(), stores.deliveries(), guard.urls("push to"), log, pushing.endpointChanged(),
                audit, clock, random, ids, dealings);

        // --- ingest: sources polled on virtual threads, filed through the same Publishing use case ---
        Publishing publishing = new Publishing(log, stores.products(), stores.items(), ids);
        NinjsReader ninjsReader = new NinjsReader(ninjs31);
        Importing importing = new Importing(publishing, stores.items());
        IngestReader ingestReader = new IngestReader(ninjsReader, writers.versions());
        poller = new Poller(stores.sources(), importing, ingestReader, guard, clock, Duration.ofSeconds(10), Duration.ofSeconds(30));
        Ingesting ingesting = new Ingesting(stores.sources(), stores.products(), importing, poller, guard.urls("fetch from"), audit, ids, clock);

        Reading reading = new Reading(stores.items(), entitlements, clock);
        search = Search.open(settings.dataDir(), stores, log, tail, entitlements, reading, metrics, clock);

        // --- media: content-addressed files under the data directory, renditions by ffmpeg in a bounded queue ---
        MediaSettings mediaSettings = settings.media();
        Path mediaDir = settings.dataDir().resolve("media");
        MediaStore mediaStore = mediaSettings.url().<MediaStore>map(url -> S3MediaStore.at(url, mediaDir.resolve("spool"), System.getenv()))
                .orElseGet(() -> new FileMediaStore(mediaDir));
        ffmpeg = new Ffmpeg(mediaSettings.ffmpeg(), mediaSettings.ffprobe(), mediaStore, mediaDir.resolve("work"),
                mediaSettings.timeout());
        preparing = new Preparing(stores.media(), ffmpeg, clock, mediaSettings.workers(), mediaSettings.staleAfter(),
                e -> LoggerFactory.getLogger(Preparing.class).warn("the rendition queue could not go on; retrying", e));
        Uploading uploading = new Uploading(stores.media(), mediaStore, new TikaSniffer(), ffmpeg, preparing, audit, ids, clock,
                mediaSettings.maxUploadBytes());
        downloads = new FactLog<>("ponte-download-facts", stores.downloads()::record,
                e -> LoggerFactory.getLogger(FactLog.class).warn("could not record media download facts; retrying", e));
        reads = new FactLog<>("ponte-read-facts", stores.reads()::record,
                e -> LoggerFactory.getLogger(FactLog.class).warn("could not record read facts; retrying", e));
        Reads readFacts = new Reads(reads, clock);
        reachFolding = new ReachFolding(stores.rollups(),
                e -> LoggerFactory.getLogger(ReachFolding.class).warn("could not fold reach counts; retrying", e));
        resuming = new Resuming(stores.uploads(), new FileUploadParts(mediaDir.resolve("uploads")), uploading, ids, clock,
                mediaSettings.uploadExpiry(), mediaSettings.maxUploadBytes());
        // Media of killed items: deleted once the retention has passed, by one node, every hour.
        mediaRetention = new MediaRetention(stores.media(), mediaStore, mediaSettings.retention(), clock);
        mediaRetentionLoop = new MediaRetentionLoop(mediaRetention, () -> stores.leadership().lead("media-retention"),
                swept -> {
                    if (swept.any()) {
                        LoggerFactory.getLogger(MediaRetention.class).info("media retention: deleted {} files of items killed more than {} ago ({} blobs removed)",
                                swept.files(), mediaSettings.retention(), swept.blobs());
                    }
                },
                e -> LoggerFactory.getLogger(MediaRetention.class).warn("media retention: deleting media of killed items failed; trying again at the next sweep", e));

        // --- the HTTP API: each resource built with the use cases it calls ---
        Onboarding onboarding = new Onboarding(stores.orgs(), stores.keys(), entitlements, audit, clock);
        // Who a request comes from, behind the trusted proxies: recorded in the audit trail, limited per address.
        ClientAddresses addresses = new ClientAddresses(settings.trustedProxies());
        authenticator = new Authenticator(stores.keys(), settings.bootstrapAdminKey(), clock, addresses);
        Cataloguing cataloguing = new Cataloguing(stores.products(), audit);
        Agreeing agreeing = new Agreeing(stores.agreements(), stores.orgs(), stores.products(), entitlements, stores.releases(), audit, clock, ids);
        Coproducing coproducing = new Coproducing(stores.coproductions(), stores.agreements(), stores.orgs(), entitlements, audit, clock);
        Cosigning cosigning = new Cosigning(stores.drafts(), coproducing, stores.items(), stores.products(), log, audit, clock, ids);
        Translating translating = new Translating(machineTranslation(settings.translation(), guard), reading, cosigning);
        Explaining explaining = new Explaining(stores.items(), stores.orgs(), stores.agreements(), entitlements, clock);
        // --- reach: usage partners report, and how far items went, counted from the facts the log and readers leave ---
        Reporting reporting = new Reporting(stores.usage(), stores.items(), reading, stores.orgs(), clock);
        Reaching reaching = new Reaching(stores.reach(), stores.items(), stores.products(), coproducing, stores.orgs(), entitlements);
        Recipients recipients = new Recipients(stores.recipients(), stores.items(), stores.orgs());
        // --- campaigns: the owner's items on partners' channels under an agreement, offers, tracked links, bookings ---
        Campaigning campaigning = new Campaigning(stores.campaigns(), stores.agreements(), stores.items(), stores.orgs(), audit, clock);
        Offering offering = new Offering(campaigning, stores.offers(), stores.items(), new NinjsDisclosure(), audit, random);
        // A redirect or a heartbeat's 204 acknowledges its fact: each is in the node's journal first (FactJournal).
        DailySalt salt = new DailySalt(clock, random);
        Path journal = settings.dataDir().resolve("journal");
        clicks = new FactJournal<>(journal.resolve("clicks"), "ponte-click-journal", JdbcClickFacts.LINE, stores.clicks(),
                e -> LoggerFactory.getLogger(FactJournal.class).warn("could not write journaled link clicks; retrying", e));
        Clicking clicking = new Clicking(stores.offers(), clicks::add, salt, clock);
        JdbcLiveEvents liveEvents = new JdbcLiveEvents(stores.database());
        JdbcHeartbeats heartbeatStore = new JdbcHeartbeats(stores.database());
        heartbeats = new FactJournal<>(journal.resolve("heartbeats"), "ponte-heartbeat-journal", JdbcHeartbeats.LINE, heartbeatStore,
                e -> LoggerFactory.getLogger(FactJournal.class).warn("could not write journaled heartbeats; retrying", e));
        liveEventing = new LiveEventing(campaigning, liveEvents, heartbeatStore, audit, random);
        Converting converting = new Converting(stores.campaigns(), stores.offers(), stores.conversions(), clock);
        Funneling funneling = new Funneling(campaigning, stores.offers(), stores.clicks(), stores.conversions(), stores.views(), stores.items(),
                stores.orgs());
        useCases = new UseCases(onboarding, cataloguing, agreeing, publishing, feeds, search.searching(), ninjsReader, coproducing, cosigning,
                reporting, reaching, recipients, campaigning, offering, converting, funneling);
        ItemViews views = new ItemViews(writers, stores.orgs(), renditionChoices::profile, links, clock);
        // --- the web UI, served on the API's port before it: pages call the same use cases, as the session's caller ---
        accounts = new Accounts(stores.users(), stores.sessions(), new Argon2Passwords(), stores.links(), stores.orgs(), clock, random, ids);
        SessionCache sessions = new SessionCache(accounts, clock);
        DeskLive deskLive = new DeskLive(tail, delivery.heartbeat());
        Attaching attaching = new Attaching(stores.media());
        JdbcHeldItems heldItems = new JdbcHeldItems(stores.database());
        Downloading downloading = new Downloading(stores.media(), mediaStore, reading, downloads, clock);
        commits.subscribe(deskLive::committed); // this node's own entries at once, whatever the log mode
        WebUi web = new WebUi(accounts, sessions, addresses::of, List.of(
                new DeskPages(reading, publishing, explaining, search.languageVersions(), dealings, ninjsReader,
                        deskLive, agreeing, clock, views::tree, new DeskMedia(attaching, heldItems, clock), recipients),
                new AgreementPages(agreeing, dealings, clock),
                new EndpointPages(subscribing),
                new SourcePages(ingesting),
                new MediaPages(uploading, downloading, mediaDir.resolve("form-uploads"), mediaSettings.maxUploadBytes()),
                new AdminPages(accounts, sessions, new Inviting(onboarding, agreeing, accounts, stores.orgs()), onboarding, dealings, authenticator::forget,
                        settings.smtpUrl().map(ponte.outbound.SmtpMailer::of)),
                new PortalPages(feeds, tail, search.searching(), reading, search.languageVersions(), dealings, writers, views::tree, readFacts),
                new ReachPages(reaching, reporting, dealings, coproducing, mediaDir.resolve("form-uploads")),
                new FunnelPages(campaigning, funneling),
                new LiveEventPages(liveEventing)));
        idempotency = new Idempotency(stores.idempotencyKeys(), settings.api().idempotencyRetention(), clock, random);
        ItemsResource itemsResource = new ItemsResource(publishing, cosigning, translating, reading, explaining, ninjsReader, writers, views,
                attaching, heldItems, readFacts, clock);
        heldRelease = new HeldRelease(itemsResource, e -> LoggerFactory.getLogger(HeldRelease.class).warn("held items could not be released; retrying", e));
        Backfilling backfilling = new Backfilling(new JdbcBackfills(stores.database()), publishing, stores.items(), audit, clock);
        http = new HttpApi(List.of(
                new HealthResource(metrics),
                new SystemResource(),
                new ProblemsResource(),
                new OrgsResource(onboarding, stores.orgs(), dealings),
                new KeysResource(onboarding, authenticator),
                new CatalogueResource(cataloguing, dealings),
                new AgreementsResource(agreeing, dealings, clock),
                new CoproductionsResource(coproducing),
                new TranslationTasksResource(new TranslationDesk(stores.translationTasks(), stores.items(), audit, clock, ids)),
                itemsResource,
                new FeedResource(feeds, writers, views, readFacts),
                new EndpointsResource(subscribing),
                new StreamResource(feeds, tail, delivery.heartbeat(), views, readFacts),
                new IngestResource(ingesting, backfilling, ingestReader),
                new ImportsResource(backfilling, ingestReader),
                new SearchResource(search.searching(), search.languageVersions()),
                new AuditResource(new Auditing(stores.auditTrail())),
                new MediaResource(uploading, downloading,
                        new Subtitling(stores.media(), mediaStore, audit), heldItems, links, clock),
                new UploadsResource(resuming),
                new RenditionProfileResource(renditionChoices),
                new UsageResource(reporting),
                new ReachResource(reaching, recipients),
                new CampaignsResource(campaigning),
                new OffersResource(offering, stores.clicks()),
                new GoResource(clicking, addresses),
                new ConversionsResource(converting, funneling),
                new LiveEventsResource(liveEventing),
                new HeartbeatResource(new Watching(liveEvents, heartbeats::add, salt, clock), addresses)),
                authenticator, new RateLimiter(settings.api(), systemClock, addresses), Optional.of(idempotency), Optional.of(new HttpApi.Pages(web, WebUi::ours)), settings.host(),
                settings.port());
        management = new HttpApi(List.of(new HealthResource(metrics), new MetricsResource(metrics)), authenticator,
                settings.management().host(), settings.management().port());
    }

    /**
     * The machine translation engine: the operator's LibreTranslate-compatible server (through the SSRF guard), else
     * Apertium when it is installed here, else none (machine translation is then refused, 422).
     */
    private static java.util.Optional<MachineTranslation> machineTranslation(Settings.Translation settings, AddressGuard guard) {
        Duration timeout = Duration.ofSeconds(30);
        if (settings.url().isPresent()) {
            java.net.URI url = java.net.URI.create(settings.url().get());
            guard.urls("translate through").check(url.toString());
            return java.util.Optional.of(new ponte.translation.LibreTranslate(guard, url, settings.key(), timeout));
        }
        return ponte.translation.Apertium.installed(timeout).map(MachineTranslation.class::cast);
    }
}

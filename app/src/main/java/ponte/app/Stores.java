package ponte.app;

import java.security.SecureRandom;
import java.time.Clock;
import ponte.core.Ids;
import java.util.Set;
import ponte.core.licensing.Network;
import ponte.core.licensing.NetworkSource;
import ponte.core.orgs.OrgId;
import ponte.storage.Database;
import ponte.storage.JdbcAgreements;
import ponte.storage.JdbcCampaigns;
import ponte.storage.JdbcCampaignViews;
import ponte.storage.JdbcClickFacts;
import ponte.storage.JdbcConversions;
import ponte.storage.JdbcOffers;
import ponte.storage.JdbcCoproductions;
import ponte.storage.JdbcDrafts;
import ponte.storage.JdbcTranslationTasks;
import ponte.storage.JdbcAuditTrail;
import ponte.storage.JdbcTransactions;
import ponte.storage.JdbcDeliveries;
import ponte.storage.JdbcDownloadFacts;
import ponte.storage.JdbcEndpoints;
import ponte.storage.JdbcIdempotencyKeys;
import ponte.storage.JdbcItems;
import ponte.storage.JdbcKeys;
import ponte.storage.JdbcLeadership;
import ponte.storage.JdbcMediaLibrary;
import ponte.storage.JdbcResumableUploads;
import ponte.storage.JdbcOrgs;
import ponte.storage.JdbcProducts;
import ponte.storage.JdbcReachFacts;
import ponte.storage.JdbcReachRollups;
import ponte.storage.JdbcReadFacts;
import ponte.storage.JdbcRecipients;
import ponte.storage.JdbcUsageReports;
import ponte.storage.JdbcRenditionProfiles;
import ponte.storage.JdbcSources;
import ponte.storage.JdbcLinks;
import ponte.storage.JdbcSessions;
import ponte.storage.JdbcUsers;
import ponte.storage.Releases;

/** A node's stores on its one database (embedded H2, or PostgreSQL shared with other nodes): core's ports in JDBC. */
record Stores(Database database, JdbcOrgs orgs, JdbcKeys keys, JdbcProducts products, JdbcAgreements agreements, JdbcItems items,
              Releases releases, JdbcEndpoints endpoints, JdbcDeliveries deliveries, JdbcSources sources,
              JdbcLeadership leadership, JdbcAuditTrail auditTrail, JdbcTransactions transactions,
              JdbcIdempotencyKeys idempotencyKeys, JdbcCoproductions coproductions, JdbcDrafts drafts, JdbcTranslationTasks translationTasks,
              JdbcUsers users, JdbcSessions sessions, JdbcLinks links, JdbcMediaLibrary media,
              JdbcResumableUploads uploads, JdbcDownloadFacts downloads, JdbcRenditionProfiles renditionProfiles,
              JdbcReadFacts reads, JdbcUsageReports usage, JdbcReachFacts reach, JdbcRecipients recipients,
              JdbcCampaigns campaigns, JdbcOffers offers, JdbcClickFacts clicks, JdbcReachRollups rollups,
              JdbcConversions conversions, JdbcCampaignViews views) implements AutoCloseable {

    static Stores open(Settings settings, Clock clock, SecureRandom random, Ids ids) {
        DatabaseLogin login = settings.databaseLogin();
        Database db = settings.databaseUrl().map(url -> Database.at(url, login.user(), login.password()))
                .orElseGet(() -> Database.embedded(settings.dataDir()));
        return new Stores(db, new JdbcOrgs(db, clock, ids), new JdbcKeys(db, clock, random), new JdbcProducts(db), new JdbcAgreements(db),
                new JdbcItems(db), new Releases(db), new JdbcEndpoints(db), new JdbcDeliveries(db), new JdbcSources(db),
                new JdbcLeadership(db), new JdbcAuditTrail(db), new JdbcTransactions(db),
                new JdbcIdempotencyKeys(db), new JdbcCoproductions(db), new JdbcDrafts(db), new JdbcTranslationTasks(db),
                new JdbcUsers(db), new JdbcSessions(db), new JdbcLinks(db),
                new JdbcMediaLibrary(db), new JdbcResumableUploads(db), new JdbcDownloadFacts(db), new JdbcRenditionProfiles(db),
                new JdbcReadFacts(db), new JdbcUsageReports(db), new JdbcReachFacts(db), new JdbcRecipients(db),
                new JdbcCampaigns(db), new JdbcOffers(db), new JdbcClickFacts(db), new JdbcReachRollups(db),
                new JdbcConversions(db), new JdbcCampaignViews(db));
    }

    /** The licences in force and every org's territories, as stored now: what the entitlement gate judges with. */
    Network network() {
        return JdbcAgreements.network(agreements, orgs, coproductions.territoriesByItem());
    }

    /** The same, read whole or only where a change to some orgs can alter it (an incremental refresh). */
    NetworkSource networkSource() {
        return new NetworkSource() {
            @Override
            public Network whole() {
                return network();
            }

            @Override
            public Network concerning(Set<OrgId> concerned) {
                return JdbcAgreements.concerning(agreements, orgs, concerned, coproductions.territoriesByItem());
            }
        };
    }

    @Override
    public void close() {
        deliveries.close();
        leadership.close();
        database.close();
    }
}

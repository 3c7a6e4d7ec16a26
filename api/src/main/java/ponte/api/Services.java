package ponte.api;

import java.time.Clock;
import java.time.Duration;
import ponte.core.delivery.Subscribing;
import ponte.core.log.Tail;
import ponte.core.access.Keys;
import ponte.core.reading.LanguageVersions;
import ponte.core.publishing.Publishing;
import ponte.core.reading.Reading;
import ponte.core.licensing.Entitlements;
import ponte.core.agreements.Agreeing;
import ponte.core.log.Feeds;
import ponte.core.onboarding.Onboarding;
import ponte.core.orgs.Orgs;
import ponte.core.products.Cataloguing;
import ponte.core.search.Searching;
import ponte.formats.NinjsReader;
import ponte.formats.NinjsWriter;
import ponte.formats.Writers;
import ponte.formats.IngestReader;
import ponte.core.ingest.Ingesting;

/** What the HTTP API calls: core use cases and the formats adapter, wired by the composition root. */
public record Services(
        Onboarding onboarding,
        Orgs orgs,
        Keys keys,
        Cataloguing cataloguing,
        Agreeing agreeing,
        Publishing publishing,
        Reading reading,
        Feeds feeds,
        Entitlements entitlements,
        NinjsReader ninjsReader,
        NinjsWriter ninjsWriter,
        Clock clock,
        String bootstrapAdminKey,
        Operations operations,
        Subscribing subscribing,
        Tail tail,
        Duration streamHeartbeat,
        Writers writers,
        Ingesting ingesting,
        IngestReader ingestReader,
        Searching searching,
        LanguageVersions languageVersions) {}

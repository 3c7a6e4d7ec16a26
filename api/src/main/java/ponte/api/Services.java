package ponte.api;

import java.time.Clock;
import ponte.core.access.Keys;
import ponte.core.items.LanguageVersions;
import ponte.core.items.Publishing;
import ponte.core.items.Reading;
import ponte.core.licensing.Entitlements;
import ponte.core.agreements.Agreeing;
import ponte.core.log.Feeds;
import ponte.core.orgs.Onboarding;
import ponte.core.orgs.Orgs;
import ponte.core.products.Cataloguing;
import ponte.core.search.Searching;
import ponte.formats.NinjsReader;
import ponte.formats.NinjsWriter;

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
        Searching searching,
        LanguageVersions languageVersions) {}

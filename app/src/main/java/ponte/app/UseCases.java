package ponte.app;

import ponte.core.coproduction.Coproducing;
import ponte.core.coproduction.Cosigning;
import ponte.core.agreements.Agreeing;
import ponte.core.campaigns.Campaigning;
import ponte.core.campaigns.Converting;
import ponte.core.campaigns.Funneling;
import ponte.core.campaigns.Offering;
import ponte.core.log.Feeds;
import ponte.core.onboarding.Onboarding;
import ponte.core.products.Cataloguing;
import ponte.core.publishing.Publishing;
import ponte.core.reach.Reaching;
import ponte.core.reach.Recipients;
import ponte.core.reach.Reporting;
import ponte.core.search.Searching;
import ponte.formats.NinjsReader;

/** The use cases callers inside the process reach directly, not over HTTP: the demo network's loader, tests, benchmarks. */
public record UseCases(Onboarding onboarding, Cataloguing cataloguing, Agreeing agreeing, Publishing publishing, Feeds feeds,
                       Searching searching, NinjsReader ninjsReader, Coproducing coproducing, Cosigning cosigning,
                       Reporting reporting, Reaching reaching, Recipients recipients, Campaigning campaigning, Offering offering,
                       Converting converting, Funneling funneling) {}

package ponte.app;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import ponte.core.NotFound;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.campaigns.CampaignTerms;
import ponte.core.campaigns.Channel;
import ponte.core.campaigns.ChannelKind;
import ponte.core.campaigns.Click;
import ponte.core.campaigns.ClickFacts;
import ponte.core.campaigns.Clicking;
import ponte.core.campaigns.Converting;
import ponte.core.campaigns.DailySalt;
import ponte.core.campaigns.Offer;
import ponte.core.campaigns.Offering;
import ponte.core.campaigns.Offers;
import ponte.core.campaigns.TrackedLink;
import ponte.core.campaigns.Visit;
import ponte.core.items.ItemId;
import ponte.core.orgs.OrgId;
import ponte.storage.JdbcItems;
import tools.jackson.databind.JsonNode;

/**
 * The demo's campaigns (section {@code campaigns} of demo/network.json): each created with its offers through the
 * use cases the API calls, then a month of people following its links (through {@link Clicking}, on a clock of the
 * demo's own and written as the click log writes) and the bookings its partner reports ({@link Converting}). The
 * month is drawn from a seeded random generator, so every load tells the same story: a peak on the live stream's
 * day, then a tail, busier at weekends. A campaign already present is left alone, so loading again counts nothing twice.
 */
final class DemoCampaign {
    private static final int DAYS = 30;

    /** A clock the demo moves through its month. */
    private static final class DemoClock extends Clock {
        private Instant now = Instant.EPOCH;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final UseCases useCases;
    private final Offers offers;
    private final ClickFacts clickFacts;
    private final JdbcItems items;

    DemoCampaign(UseCases useCases, Offers offers, ClickFacts clickFacts, JdbcItems items) {
        this.useCases = useCases;
        this.offers = offers;
        this.clickFacts = clickFacts;
        this.items = items;
    }

    void load(JsonNode c, Map<String, String> outletIds) {
        String id = c.get("id").asString();
        Caller owner = new Caller.Member(new OrgId(c.get("owner").asString()), Role.EDITOR);
        try {
            useCases.campaigning().read(owner, id);
            return;
        } catch (NotFound absent) {
            // made below
        }
        useCases.campaigning().create(owner, id, terms(c, outletIds));
        List<Offering.Presented> offered = new ArrayList<>();
        for (JsonNode o : c.get("offers")) {
            offered.add(useCases.offering().offer(owner, new Offer(id, o.get("id").asString(), item(o.get("uri")), o.get("title").asString(),
                    Optional.of(o.get("description").asString()), new BigDecimal(o.get("price").asString()),
                    java.util.Currency.getInstance(o.get("currency").asString()), Optional.of(Instant.parse(c.get("validFrom").asString())),
                    Optional.of(Instant.parse(c.get("validTo").asString())), o.get("bookingUrl").asString())));
        }
        month(c.get("month"), offered);
    }

    private CampaignTerms terms(JsonNode c, Map<String, String> outletIds) {
        List<ItemId> promoted = new ArrayList<>();
        c.get("items").forEach(uri -> promoted.add(item(uri)));
        List<Channel> channels = new ArrayList<>();
        for (JsonNode ch : c.get("channels")) {
            String partner = ch.get("partner").asString();
            channels.add(new Channel(ch.get("id").asString(), new OrgId(partner),
                    java.util.Objects.requireNonNull(outletIds.get(partner + "/" + ch.get("outlet").asString()), "demo outlet"),
                    ChannelKind.fromWire(ch.get("kind").asString()).orElseThrow(), Optional.of(ch.get("url").asString())));
        }
        Set<String> languages = new HashSet<>();
        c.get("languages").forEach(l -> languages.add(l.asString()));
        return new CampaignTerms(c.get("title").asString(), c.get("agreement").asString(), promoted, channels,
                Optional.of(Instant.parse(c.get("validFrom").asString())), Optional.of(Instant.parse(c.get("validTo").asString())), languages);
    }

    private ItemId item(JsonNode uri) {
        return items.byUri(uri.asString()).orElseThrow(() -> new IllegalStateException("no demo item " + uri.asString())).id();
    }

    /**
     * A month from {@code start}: each link's people a day are its offer's {@code clicks} (on the first channel; the
     * others draw a third as many) shaped by the day, and about one in {@code convertOneIn} of them books, for one or
     * two travellers.
     */
    private void month(JsonNode month, List<Offering.Presented> offered) {
        Instant start = Instant.parse(month.get("start").asString());
        Random random = new Random(month.get("seed").asLong());
        DemoClock clock = new DemoClock();
        List<Click> clicks = new ArrayList<>();
        Clicking clicking = new Clicking(offers, clicks::add, new DailySalt(clock, random), clock);
        List<Converting.Report> bookings = new ArrayList<>();
        Map<OrgId, List<Converting.Report>> byPartner = new java.util.LinkedHashMap<>();
        for (int day = 0; day < DAYS; day++) {
            Instant midnight = start.plus(Duration.ofDays(day));
            boolean weekend = midnight.atZone(ZoneOffset.UTC).getDayOfWeek().getValue() >= 6;
            double shape = (0.3 + 3.0 * Math.exp(-day / 4.0)) * (weekend ? 1.4 : 1.0);
            for (int o = 0; o < offered.size(); o++) {
                JsonNode plan = month.get("offers").get(o);
                Offer offer = offered.get(o).offer();
                List<TrackedLink> links = offered.get(o).links();
                for (int l = 0; l < links.size(); l++) {
                    TrackedLink link = links.get(l);
                    double base = plan.get("clicks").asDouble() / (l == 0 ? 1 : 3);
                    int people = (int) Math.round(base * shape * (0.8 + 0.4 * random.nextDouble()));
                    for (int p = 0; p < people; p++) {
                        clock.now = midnight.plusSeconds(6 * 3600 + random.nextInt(17 * 3600));
                        String address = "198.51.100." + (1 + random.nextInt(250)); // TEST-NET-2: no real visitor
                        clicking.follow(link.code(), new Visit(Optional.of(address), Optional.of(BROWSERS[random.nextInt(BROWSERS.length)]), false));
                    }
                    int booked = 0;
                    int travellers = 0;
                    for (int p = 0; p < people; p++) {
                        if (random.nextInt(plan.get("convertOneIn").asInt()) == 0) {
                            booked++;
                            travellers += 1 + random.nextInt(2);
                        }
                    }
                    if (booked > 0) {
                        byPartner.computeIfAbsent(link.partner(), k -> new ArrayList<>()).add(new Converting.Report(
                                "demo-" + link.channel() + "-" + offer.id() + "-" + midnight.atZone(ZoneOffset.UTC).toLocalDate(),
                                new Converting.Via.Link(link.code()), midnight.plus(Duration.ofHours(20)), booked,
                                offer.price().multiply(BigDecimal.valueOf(travellers)), offer.currency()));
                    }
                }
            }
        }
        clickFacts.record(clicks);
        byPartner.forEach((partner, reports) -> useCases.converting().convertAll(new Caller.Member(partner, Role.PARTNER), reports));
    }

    private static final String[] BROWSERS = {
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 MicroMessenger/8.0.47",
        "Mozilla/5.0 (Linux; Android 14; V2309A) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36 Ctrip/8.60",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/122.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) AppleWebKit/605.1.15 Version/17.3 Safari/605.1.15",
    };
}

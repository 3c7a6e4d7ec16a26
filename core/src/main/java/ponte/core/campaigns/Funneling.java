package ponte.core.campaigns;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import ponte.core.Invalid;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.items.ItemId;
import ponte.core.items.Items;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Orgs;
import ponte.core.orgs.Outlet;

/**
 * GET /v1/campaigns/{id}/funnel as a use case: views, clicks, bookings and revenue of a campaign. Who asks decides
 * what is counted: the owner (an editor or admin) counts every channel; a channel's partner (any role) only its own
 * channels; to anyone else the campaign does not exist. A view counts on every channel its partner shows on the
 * outlet it was reported for; a click and a booking on their link's channel; a language is the viewed version's, or
 * the language of the item presenting the offer clicked or booked.
 */
public final class Funneling {
    private static final Instant EVER = Instant.EPOCH;
    private static final Instant NEVER = Instant.parse("9999-01-01T00:00:00Z");

    private final Campaigning campaigning;
    private final Offers offers;
    private final ClickFacts clicks;
    private final Conversions conversions;
    private final CampaignViews views;
    private final Items items;
    private final Orgs orgs;

    public Funneling(Campaigning campaigning, Offers offers, ClickFacts clicks, Conversions conversions, CampaignViews views, Items items,
                     Orgs orgs) {
        this.campaigning = campaigning;
        this.offers = offers;
        this.clicks = clicks;
        this.conversions = conversions;
        this.views = views;
        this.items = items;
        this.orgs = orgs;
    }

    public Funnel funnel(Caller caller, String id, Optional<Instant> from, Optional<Instant> to) {
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new Invalid("/to", "to must be after from");
        }
        Campaign campaign = campaigning.read(caller, id);
        List<Channel> channels = channelsCounted(caller, campaign);
        return new Tally(campaign, channels).count(from, to);
    }

    /** The owner's editors count every channel, a channel's partner its own (ClickFacts and the rest check nobody). */
    private static List<Channel> channelsCounted(Caller caller, Campaign campaign) {
        OrgId org = caller.memberOf().orElseThrow();
        if (campaign.owner().equals(org)) {
            caller.actingFor(Role.EDITOR);
            return campaign.terms().channels();
        }
        return campaign.terms().channels().stream().filter(c -> c.partner().equals(org)).toList();
    }

    /** The facts of the counted channels, folded into totals, facets and days. */
    private final class Tally {
        private final Campaign campaign;
        private final Map<String, Channel> channels = new LinkedHashMap<>();
        private final Map<String, Offer> offered = new LinkedHashMap<>();
        private final Map<String, TrackedLink> links = new HashMap<>();
        private final Map<ItemId, Optional<String>> languages = new HashMap<>();
        private Funnel.Counts totals = Funnel.Counts.NONE;
        private final Map<String, Funnel.Counts> byChannel = new LinkedHashMap<>();
        private final Map<String, Funnel.Counts> byOffer = new LinkedHashMap<>();
        private final Map<String, Funnel.Counts> byLanguage = new TreeMap<>();
        private final Map<LocalDate, Funnel.Counts> byDay = new TreeMap<>();

        Tally(Campaign campaign, List<Channel> counted) {
            this.campaign = campaign;
            counted.forEach(c -> {
                channels.put(c.id(), c);
                byChannel.put(c.id(), Funnel.Counts.NONE);
            });
            for (Offer o : offers.ofCampaign(campaign.id())) {
                offered.put(o.id(), o);
                byOffer.put(o.id(), Funnel.Counts.NONE);
                offers.links(campaign.id(), o.id()).stream().filter(l -> channels.containsKey(l.channel())).forEach(l -> links.put(l.code(), l));
            }
            campaign.terms().items().forEach(item -> language(item).ifPresent(l -> byLanguage.put(l, Funnel.Counts.NONE)));
        }

        Funnel count(Optional<Instant> from, Optional<Instant> to) {
            for (CampaignViews.Viewed v : views.viewed(campaign.terms().items(), from, to)) {
                List<String> on = channels.values().stream()
                        .filter(c -> c.partner().equals(v.partner()) && c.outlet().equals(v.outlet())).map(Channel::id).toList();
                if (on.isEmpty()) {
                    continue;
                }
                Funnel.Counts n = Funnel.Counts.ofViews(v.views());
                add(n, v.day(), on, offered.values().stream().filter(o -> o.item().equals(v.item())).map(Offer::id).toList(),
                        v.language().or(() -> language(v.item())));
            }
            clicks.daily(campaign.id(), from.orElse(EVER), to.orElse(NEVER)).forEach((code, days) -> {
                TrackedLink l = links.get(code);
                if (l != null) {
                    days.forEach((day, n) -> add(Funnel.Counts.ofClicks(n), day, List.of(l.channel()), List.of(l.offer()), offerLanguage(l.offer())));
                }
            });
            for (Conversions.Converted c : conversions.counted(campaign.id(), from, to)) {
                if (channels.containsKey(c.channel())) {
                    add(Funnel.Counts.ofBookings(c.bookings(), c.currency(), c.revenue()), c.day(), List.of(c.channel()), List.of(c.offer()),
                            offerLanguage(c.offer()));
                }
            }
            List<Funnel.Facet> facets = List.of(facet("channel", byChannel, this::channelLabel), facet("offer", byOffer,
                    o -> Optional.ofNullable(offered.get(o)).map(Offer::title)), facet("language", byLanguage, l -> Optional.empty()));
            List<Funnel.Day> days = new ArrayList<>();
            byDay.forEach((day, n) -> days.add(new Funnel.Day(day, n)));
            return new Funnel(totals, facets, days);
        }

        /** Counted once in the totals and the day, under each channel and offer it concerns. */
        private void add(Funnel.Counts n, LocalDate day, List<String> onChannels, List<String> ofOffers, Optional<String> language) {
            totals = totals.plus(n);
            byDay.merge(day, n, Funnel.Counts::plus);
            onChannels.forEach(c -> byChannel.merge(c, n, Funnel.Counts::plus));
            ofOffers.forEach(o -> byOffer.merge(o, n, Funnel.Counts::plus));
            language.ifPresent(l -> byLanguage.merge(l, n, Funnel.Counts::plus));
        }

        private Optional<String> offerLanguage(String offer) {
            return Optional.ofNullable(offered.get(offer)).flatMap(o -> language(o.item()));
        }

        private Optional<String> language(ItemId item) {
            return languages.computeIfAbsent(item, i -> items.byId(i).flatMap(found -> items.version(i, found.latestVersion()))
                    .flatMap(v -> v.content().language()));
        }

        private Optional<String> channelLabel(String channel) {
            Channel c = channels.get(channel);
            Set<Outlet> outlets = Set.copyOf(orgs.outlets(c.partner()));
            return outlets.stream().filter(o -> o.id().equals(c.outlet())).findFirst().map(Outlet::name);
        }

        private static Funnel.Facet facet(String name, Map<String, Funnel.Counts> counts,
                                          java.util.function.Function<String, Optional<String>> label) {
            return new Funnel.Facet(name, counts.entrySet().stream()
                    .map(e -> new Funnel.Bucket(e.getKey(), label.apply(e.getKey()), e.getValue())).collect(Collectors.toList()));
        }
    }
}

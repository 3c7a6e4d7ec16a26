package ponte.core.campaigns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import ponte.core.Conflict;
import ponte.core.Invalid;
import ponte.core.NotAllowed;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.audit.Action;
import ponte.core.audit.Audit;
import ponte.core.items.Items;
import ponte.core.items.Version;

/**
 * Offers of a campaign (its owner's editors make them, whoever sees the campaign reads them) and one tracked link per
 * (offer, channel). The presenting item must be one of the campaign's and carry the disclosure ({@link Disclosure}).
 */
public final class Offering {
    /** Offer with its links, as answered. */
    public record Presented(Offer offer, List<TrackedLink> links) {}

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final Campaigning campaigning;
    private final Offers offers;
    private final Items items;
    private final Disclosure.Reader disclosures;
    private final Audit audit;
    private final RandomGenerator random;

    public Offering(Campaigning campaigning, Offers offers, Items items, Disclosure.Reader disclosures, Audit audit, RandomGenerator random) {
        this.campaigning = campaigning;
        this.offers = offers;
        this.items = items;
        this.disclosures = disclosures;
        this.audit = audit;
        this.random = random;
    }

    /** A new offer, with a link for each of the campaign's channels; the same offer again is the first answer. */
    public synchronized Presented offer(Caller caller, Offer offer) {
        Campaign campaign = campaigning.read(caller, offer.campaign());
        if (!campaign.owner().equals(caller.actingFor(Role.EDITOR))) {
            throw new NotAllowed("only " + campaign.owner() + " makes offers of campaign " + campaign.id());
        }
        var existing = offers.byId(campaign.id(), offer.id());
        if (existing.isPresent()) {
            if (existing.get().sameAs(offer)) {
                return new Presented(existing.get(), offers.links(campaign.id(), offer.id()));
            }
            throw new Conflict("offer id '" + offer.id() + "' is taken in campaign " + campaign.id());
        }
        checkPresenter(campaign, offer);
        List<TrackedLink> links = new ArrayList<>();
        for (Channel c : campaign.terms().channels()) {
            links.add(new TrackedLink(code(random), campaign.id(), offer.id(), c.id(), c.partner(), c.kind(), offer.bookingUrl()));
        }
        audit.change(caller, Action.CAMPAIGN_OFFER, () -> offers.create(offer, links),
                new Audit.Note(campaign.id(), "offered " + offer.title() + " in campaign " + campaign.terms().title(), campaign.concerned()));
        return new Presented(offers.byId(campaign.id(), offer.id()).orElseThrow(), offers.links(campaign.id(), offer.id()));
    }

    public List<Presented> offers(Caller caller, String campaign) {
        campaigning.read(caller, campaign);
        return offers.ofCampaign(campaign).stream().map(o -> new Presented(o, offers.links(campaign, o.id()))).toList();
    }

    private void checkPresenter(Campaign campaign, Offer offer) {
        if (!campaign.terms().items().contains(offer.item())) {
            throw new Invalid("/item", "item must be one of the campaign's items");
        }
        Version latest = items.byId(offer.item()).flatMap(i -> items.version(i.id(), i.latestVersion()))
                .orElseThrow(() -> new Invalid("/item", "item must be one of the campaign's items"));
        Disclosure disclosure = disclosures.of(latest.content().ninjs());
        List<Invalid.Violation> missing = new ArrayList<>();
        if (disclosure.sponsors().isEmpty()) {
            missing.add(new Invalid.Violation("/item", "the item's ninjs must name the sponsor: infoSources with role \"sponsor\""));
        }
        if (disclosure.usageTerms().isEmpty()) {
            missing.add(new Invalid.Violation("/item", "the item's ninjs must carry a usageTerms sentence stating the promotion"));
        }
        if (disclosure.expires().isEmpty() || offer.validTo().map(to -> disclosure.expires().get().isBefore(to)).orElse(false)) {
            missing.add(new Invalid.Violation("/item", "the item's ninjs must carry expires, no earlier than the offer's validTo"));
        }
        if (!missing.isEmpty()) {
            throw new Invalid(missing);
        }
    }

    /** 128 random bits in lower-case base32 (26 characters): unguessable, and safe in any URL. */
    static String code(RandomGenerator random) {
        StringBuilder out = new StringBuilder(26);
        long high = random.nextLong();
        long low = random.nextLong();
        for (int i = 0; i < 26; i++) {
            int shift = i * 5;
            long bits = shift < 64 ? (low >>> shift) | (shift > 59 ? high << (64 - shift) : 0) : high >>> (shift - 64);
            out.append(BASE32[(int) (bits & 31)]);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}

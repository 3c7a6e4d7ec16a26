package ponte.core.campaigns;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import ponte.core.Invalid;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.orgs.OrgId;

/**
 * A channel's partner reports the bookings a campaign's offer brought: by the tracked link followed (the conversion is
 * the link's channel's) or by the offer (then the partner's own channel of the campaign). A batch is taken whole or not
 * at all. The partner's own id makes a retry safe: the same conversion again is answered with the one first kept,
 * another under a used id is refused. A link or campaign the caller carries no channel of is refused with the very
 * words of an unknown one, so a partner never learns of another's campaign or link.
 */
public final class Converting {
    public static final int MAX_BATCH = 1_000;
    /** Bookings in one conversion: far above any real order, and low enough that no sum of them overflows. */
    public static final long MAX_BOOKINGS = 1_000_000;
    /** A conversion a little ahead of this node's clock is a partner's clock, not a booking yet to come. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** What a conversion names: the tracked link followed, or an offer of a campaign (on one of the caller's channels). */
    public sealed interface Via {
        record Link(String code) implements Via {}

        /** @param channel which of the caller's channels, needed only when it has several in the campaign */
        record Offer(String campaign, String offer, Optional<String> channel) implements Via {}
    }

    /** A conversion as the partner sends it. */
    public record Report(String id, Via via, Instant at, long bookings, BigDecimal revenue, Currency currency) {
        public Report {
            Objects.requireNonNull(via);
            Objects.requireNonNull(at);
            Objects.requireNonNull(revenue);
            Objects.requireNonNull(currency);
        }
    }

    private final Campaigns campaigns;
    private final Offers offers;
    private final Conversions conversions;
    private final Clock clock;

    public Converting(Campaigns campaigns, Offers offers, Conversions conversions, Clock clock) {
        this.campaigns = campaigns;
        this.offers = offers;
        this.conversions = conversions;
        this.clock = clock;
    }

    /** One conversion; refusals point at its members ({@code /link}). */
    public Conversion convert(Caller caller, Report report) {
        return take(caller, List.of(report), i -> "").getFirst();
    }

    /** Up to {@link #MAX_BATCH} conversions, all or none; refusals point into the batch ({@code /conversions/3/link}). */
    public List<Conversion> convertAll(Caller caller, List<Report> batch) {
        if (batch.isEmpty() || batch.size() > MAX_BATCH) {
            throw new Invalid("/conversions", "conversions must hold 1 to " + MAX_BATCH + " conversions");
        }
        return take(caller, batch, i -> "/conversions/" + i);
    }

    private List<Conversion> take(Caller caller, List<Report> batch, IntFunction<String> pointer) {
        OrgId partner = caller.actingFor(Role.PARTNER);
        Instant now = clock.instant();
        Map<String, Conversion> asked = new LinkedHashMap<>();
        List<Invalid.Violation> refusals = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            String where = pointer.apply(i);
            try {
                Conversion made = resolve(partner, batch.get(i), where, now);
                Conversion earlier = asked.putIfAbsent(made.id(), made);
                if (earlier != null && !earlier.sameAs(made)) {
                    refusals.add(new Invalid.Violation(where + "/id", "id " + made.id() + " is given to two different conversions"));
                }
            } catch (Invalid e) {
                refusals.addAll(e.violations());
            }
        }
        Map<String, Conversion> kept = conversions.byIds(partner, asked.keySet());
        for (int i = 0; i < batch.size(); i++) {
            Conversion first = kept.get(batch.get(i).id());
            Conversion sent = asked.get(batch.get(i).id());
            if (first != null && sent != null && !first.sameAs(sent)) {
                refusals.add(new Invalid.Violation(pointer.apply(i) + "/id", "id " + first.id() + " was used for another conversion"));
            }
        }
        if (!refusals.isEmpty()) {
            throw new Invalid(refusals);
        }
        List<Conversion> fresh = asked.values().stream().filter(c -> !kept.containsKey(c.id())).toList();
        Map<String, Conversion> answer = new java.util.HashMap<>(kept);
        if (!fresh.isEmpty()) {
            answer.putAll(conversions.record(partner, fresh));
        }
        return batch.stream().map(r -> answer.get(r.id())).toList();
    }

    private Conversion resolve(OrgId partner, Report r, String where, Instant now) {
        ponte.core.reach.UsageReport.requireId(r.id(), where + "/id");
        if (r.at().isAfter(now.plus(CLOCK_SKEW))) {
            throw new Invalid(where + "/at", "at must not be in the future");
        }
        if (r.bookings() < 0 || r.bookings() > MAX_BOOKINGS) {
            throw new Invalid(where + "/bookings", "bookings must be 0 to " + MAX_BOOKINGS);
        }
        if (r.revenue().signum() < 0) {
            throw new Invalid(where + "/revenue", "revenue must be zero or more");
        }
        return switch (r.via()) {
            case Via.Link link -> {
                TrackedLink l = offers.link(link.code()).filter(found -> found.partner().equals(partner))
                        .orElseThrow(() -> new Invalid(where + "/link", "no such link"));
                yield new Conversion(partner, r.id(), l.campaign(), l.offer(), l.channel(), r.at(), r.bookings(), r.revenue(), r.currency(), now);
            }
            case Via.Offer offer -> {
                Campaign campaign = campaigns.byId(offer.campaign())
                        .filter(c -> c.terms().channels().stream().anyMatch(ch -> ch.partner().equals(partner)))
                        .orElseThrow(() -> new Invalid(where + "/campaign", "no such campaign among those your org carries"));
                offers.byId(campaign.id(), offer.offer()).orElseThrow(() -> new Invalid(where + "/offer", "no such offer in the campaign"));
                Channel channel = channel(campaign, partner, offer.channel(), where);
                yield new Conversion(partner, r.id(), campaign.id(), offer.offer(), channel.id(), r.at(), r.bookings(), r.revenue(), r.currency(), now);
            }
        };
    }

    private static Channel channel(Campaign campaign, OrgId partner, Optional<String> named, String where) {
        List<Channel> own = campaign.terms().channels().stream().filter(c -> c.partner().equals(partner)).toList();
        if (named.isPresent()) {
            return own.stream().filter(c -> c.id().equals(named.get())).findFirst()
                    .orElseThrow(() -> new Invalid(where + "/channel", "channel must be one of your org's channels of the campaign"));
        }
        if (own.size() > 1) {
            throw new Invalid(where + "/channel", "your org has several channels in the campaign: name one, or the link");
        }
        return own.getFirst();
    }
}

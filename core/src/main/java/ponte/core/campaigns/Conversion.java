package ponte.core.campaigns;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Objects;
import ponte.core.orgs.OrgId;
import ponte.core.reach.UsageReport;

/**
 * Bookings a channel's partner reports for an offer of a campaign, as kept: on which channel (the link's, or the
 * partner's own channel when it named the offer), when, how many, and the revenue in one currency. {@code id} is the
 * partner's own, unique among its conversions: a retry under it is the same conversion.
 *
 * @param revenue the exact decimal the partner wrote; never converted, never summed with another currency's
 */
public record Conversion(OrgId partner, String id, String campaign, String offer, String channel, Instant at, long bookings,
                         BigDecimal revenue, Currency currency, Instant receivedAt) {
    public Conversion {
        Objects.requireNonNull(partner);
        Objects.requireNonNull(campaign);
        Objects.requireNonNull(offer);
        Objects.requireNonNull(channel);
        Objects.requireNonNull(at);
        Objects.requireNonNull(revenue);
        Objects.requireNonNull(currency);
        Objects.requireNonNull(receivedAt);
        UsageReport.requireId(id, "/id");
    }

    /** Whether this is the same conversion as {@code other}, whenever each was received: the same amount, whatever its scale. */
    public boolean sameAs(Conversion other) {
        return partner.equals(other.partner) && id.equals(other.id) && campaign.equals(other.campaign) && offer.equals(other.offer)
                && channel.equals(other.channel) && at.equals(other.at) && bookings == other.bookings
                && revenue.compareTo(other.revenue) == 0 && currency.equals(other.currency);
    }
}

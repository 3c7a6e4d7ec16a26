package ponte.core.campaigns;

import java.util.Objects;
import ponte.core.orgs.OrgId;

/**
 * The link of one offer on one channel: {@code /go/{code}} redirects to the offer's booking URL tagged with the
 * partner, the channel's kind and the campaign. The code is 128 random bits, so links cannot be guessed or walked.
 */
public record TrackedLink(String code, String campaign, String offer, String channel, OrgId partner, ChannelKind kind, String bookingUrl) {
    public TrackedLink {
        Objects.requireNonNull(code);
        Objects.requireNonNull(campaign);
        Objects.requireNonNull(offer);
        Objects.requireNonNull(channel);
        Objects.requireNonNull(partner);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(bookingUrl);
    }

    /** Where a click goes: exactly the booking URL, with utm_source, utm_medium and utm_campaign set by Ponte. */
    public String target() {
        return Utm.tag(bookingUrl, partner.value(), kind.wire(), campaign);
    }
}

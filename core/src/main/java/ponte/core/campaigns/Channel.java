package ponte.core.campaigns;

import java.util.Objects;
import java.util.Optional;
import ponte.core.Ids;
import ponte.core.orgs.OrgId;

/** One of a partner's outlets carrying the campaign, as a page, a live stream, a social account or television. */
public record Channel(String id, OrgId partner, String outlet, ChannelKind kind, Optional<String> url) {
    public Channel {
        Ids.requireUrlSafe("id", id);
        Objects.requireNonNull(partner);
        Objects.requireNonNull(outlet);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(url);
    }
}

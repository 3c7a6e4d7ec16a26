package ponte.core.campaigns;

import java.util.List;
import java.util.Optional;

/** Port: campaigns' offers and their tracked links. */
public interface Offers {
    /** Keeps the offer and its links in one transaction; an offer already kept under the same (campaign, id) is left as it was. */
    void create(Offer offer, List<TrackedLink> links);

    Optional<Offer> byId(String campaign, String id);

    /** The campaign's offers, by id. */
    List<Offer> ofCampaign(String campaign);

    /** The offer's links, by channel id. */
    List<TrackedLink> links(String campaign, String offer);

    Optional<TrackedLink> link(String code);
}

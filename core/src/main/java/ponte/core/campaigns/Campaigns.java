package ponte.core.campaigns;

import java.util.List;
import java.util.Optional;
import ponte.core.orgs.OrgId;

/** Port: campaigns and their version history. */
public interface Campaigns {
    void create(String id, OrgId owner, CampaignVersion first);

    void addVersion(String id, CampaignVersion next);

    Optional<Campaign> byId(String id);

    List<CampaignVersion> versions(String id);

    /** The campaigns an org owns or carries on a channel, by id. */
    List<Campaign> concerning(OrgId org);
}

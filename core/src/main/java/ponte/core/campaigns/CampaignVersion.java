package ponte.core.campaigns;

import java.time.Instant;
import java.util.Objects;
import ponte.core.orgs.OrgId;

/** One version of a campaign's terms; a change makes the next, earlier ones stay readable. */
public record CampaignVersion(int number, CampaignTerms terms, OrgId createdBy, Instant createdAt) {
    public CampaignVersion {
        if (number < 1) {
            throw new IllegalArgumentException("versions count from 1");
        }
        Objects.requireNonNull(terms);
        Objects.requireNonNull(createdBy);
        Objects.requireNonNull(createdAt);
    }
}

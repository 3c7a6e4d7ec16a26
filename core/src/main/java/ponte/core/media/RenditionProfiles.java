package ponte.core.media;

import java.util.Optional;
import ponte.core.orgs.OrgId;

/** Port: each org's rendition profile, if it chose one. */
public interface RenditionProfiles {
    Optional<RenditionProfile> of(OrgId org);

    void save(OrgId org, RenditionProfile profile);
}

package ponte.core.coproduction;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ponte.core.orgs.OrgId;

/** Port: co-production projects and their version history. */
public interface Coproductions {
    void create(String id, ProjectVersion first);

    void addVersion(String id, ProjectVersion next);

    void approve(String id, int version, OrgId org, Instant at);

    Optional<Coproduction> byId(String id);

    List<ProjectVersion> versions(String id);

    List<Coproduction> withParty(OrgId org);

    List<Coproduction> all();
}

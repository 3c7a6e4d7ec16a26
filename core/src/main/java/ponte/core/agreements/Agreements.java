package ponte.core.agreements;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ponte.core.orgs.OrgId;

/** Port: agreements and their version history. */
public interface Agreements {
    void create(String id, AgreementVersion first);

    void addVersion(String id, AgreementVersion next);

    void approve(String id, int version, OrgId org, Instant at);

    void suspend(String id, boolean suspended);

    Optional<Agreement> byId(String id);

    List<AgreementVersion> versions(String id);

    List<Agreement> withParty(OrgId org);

    List<Agreement> all();
}

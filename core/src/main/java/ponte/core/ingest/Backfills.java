package ponte.core.ingest;

import java.util.Optional;
import ponte.core.orgs.OrgId;

/** Port: each org's streamed imports and how far each has come. */
public interface Backfills {
    Optional<Backfill> byId(OrgId org, String id);

    /** Stores the import as it is now (creating it the first time). */
    void save(Backfill backfill);
}

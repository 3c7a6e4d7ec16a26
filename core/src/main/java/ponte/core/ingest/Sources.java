package ponte.core.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ponte.core.orgs.OrgId;

/** Port: registered sources, their status, and the entries each last saw (to tell a removed entry from an old one). */
public interface Sources {
    void create(Source source);

    Optional<Source> byId(String id);

    List<Source> byOrg(OrgId org);

    List<Source> all();

    void update(Source source);

    void delete(String id);

    SourceStatus status(String id);

    void saveStatus(String id, SourceStatus status);

    /** The entries the source showed at its last read, by uri, with when each was last updated (if it said). */
    Map<String, Optional<Instant>> seen(String id);

    /** Replaces what the source shows now. */
    void saveSeen(String id, Map<String, Optional<Instant>> entries);
}

package ponte.core.translation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ponte.core.orgs.OrgId;

/** Port: translation tasks. */
public interface TranslationTasks {
    void create(TranslationTask task);

    Optional<TranslationTask> byId(String id);

    void done(String id, Instant at);

    /** The tasks on items the org owns (it assigned them, or they are assigned to it), oldest first. */
    List<TranslationTask> concerning(OrgId org);
}

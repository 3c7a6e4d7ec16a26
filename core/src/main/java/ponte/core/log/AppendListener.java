package ponte.core.log;

import java.util.Set;
import ponte.core.orgs.OrgId;

/** Told by the content log after each commit: the new head, and the partners the committed entries were routed to. */
@FunctionalInterface
public interface AppendListener {
    void appended(Cursor head, Set<OrgId> routedTo);
}

package ponte.core.reach;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import ponte.core.orgs.OrgId;

/** Port: partners' usage reports, each under the partner's own id. */
public interface UsageReports {
    /** The org's reports already kept under any of these ids. */
    Map<String, UsageReport> byIds(OrgId org, Collection<String> ids);

    /**
     * Keeps the reports, durably, in one transaction; a report whose (org, id) is already kept is left as it was (a
     * concurrent retry). Answers what is kept under each id afterwards.
     */
    Map<String, UsageReport> record(OrgId org, List<UsageReport> reports);
}

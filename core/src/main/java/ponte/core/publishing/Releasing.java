package ponte.core.publishing;

import java.time.Clock;
import ponte.core.log.ContentLog;
import ponte.core.items.Change;
import ponte.core.items.ItemId;
import ponte.core.items.ReleaseSchedule;

/**
 * Appends a release entry for each item whose booked release is due, so that an item becomes visible to a partner
 * at the point of the log where time made it so (an embargo lapsed, a licence started), never out of order.
 */
public final class Releasing {
    private static final int BATCH = 500;

    private final ContentLog log;
    private final ReleaseSchedule schedule;
    private final Clock clock;

    public Releasing(ContentLog log, ReleaseSchedule schedule, Clock clock) {
        this.log = log;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** Releases everything due now; returns how many entries were appended. */
    public int runDue() {
        int appended = 0;
        while (true) {
            var due = schedule.due(clock.instant(), BATCH);
            for (ItemId item : due) {
                log.append(new Change.Release(item));
                appended++;
            }
            if (due.size() < BATCH) {
                return appended;
            }
        }
    }
}

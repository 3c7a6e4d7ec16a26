package ponte.core.reach;

import java.time.Clock;
import ponte.core.FactLog;
import ponte.core.access.Caller;
import ponte.core.log.Cursor;
import ponte.core.orgs.OrgId;
import ponte.core.reading.Reading;

/**
 * Where a partner's reads become reach facts: one fact per page served (never one per entry), none for an answer the
 * client already had (a 304), handed to a {@link FactLog} so a read never waits for the store.
 */
public final class Reads {
    private final FactLog<ReadFact> log;
    private final Clock clock;

    public Reads(FactLog<ReadFact> log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** A page of the partner's feed or stream was sent, its last entry at {@code upTo}. */
    public void fed(OrgId partner, Cursor upTo) {
        if (upTo.seq() > 0) {
            log.add(new ReadFact.Fed(partner, upTo.seq(), clock.instant()));
        }
    }

    /** An item was sent to the caller: a partner's read counts, an owner's own does not. */
    public void opened(Caller caller, Reading.Visible visible) {
        if (visible.asOwner() || caller.memberOf().isEmpty()) {
            return;
        }
        log.add(new ReadFact.Opened(caller.memberOf().get(), visible.item().id(), visible.version().number(), clock.instant()));
    }
}

package ponte.core.reach;

import java.time.Instant;
import java.util.Objects;
import ponte.core.items.ItemId;
import ponte.core.orgs.OrgId;

/** A partner read something: its feed or stream up to an entry, or one version of an item. */
public sealed interface ReadFact {
    OrgId org();

    Instant at();

    /** The feed or stream served the partner every entry up to {@code seq}: what is routed to it up to there is read. */
    record Fed(OrgId org, long seq, Instant at) implements ReadFact {
        public Fed {
            Objects.requireNonNull(org);
            Objects.requireNonNull(at);
        }
    }

    /** The partner fetched one version of an item. */
    record Opened(OrgId org, ItemId item, int version, Instant at) implements ReadFact {
        public Opened {
            Objects.requireNonNull(org);
            Objects.requireNonNull(item);
            Objects.requireNonNull(at);
        }
    }
}

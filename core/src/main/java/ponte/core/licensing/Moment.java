package ponte.core.licensing;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import ponte.core.items.Item;
import ponte.core.items.Version;

/**
 * One version at one moment, in the index's terms: the countries its rights allow, its release, and where now and
 * the time since release fall among the network's validity bounds and delays.
 */
record Moment(long[] rights, boolean everywhere, Instant release, int now, int sinceRelease) {
    static Moment of(Item item, Version version, Instant now, TimeRanks times) {
        Instant release = release(item, version);
        long[] rights = Countries.allowedBy(version.rights());
        return new Moment(rights, Countries.isEverywhere(rights), release, times.boundsUpTo(now),
                times.delaysUpTo(Duration.between(release, now)));
    }

    /** The same moment with the version's rights narrowed to these countries (a co-production party's territories). */
    Moment within(long[] narrowedRights) {
        return new Moment(narrowedRights, Countries.isEverywhere(narrowedRights), release, now, sinceRelease);
    }

    /**
     * Whether a licence without validity bounds or delay is in time: now is at or after the release (the time since
     * release is at least the network's smallest delay, zero if any licence has none).
     */
    boolean released() {
        return sinceRelease > 0;
    }

    /** Rule's time checks on a licence's ranks: from ≤ now &lt; to, and release + delay ≤ now. */
    boolean inTime(int from, int to, int delay) {
        return from < now && to >= now && delay < sinceRelease;
    }

    /** {@link Rule#availableAt} without the licence's delay: the embargo, or first publication if that is later. */
    static Instant release(Item item, Version version) {
        Optional<Instant> embargo = version.content().embargoedUntil();
        return embargo.isPresent() && embargo.get().isAfter(item.firstCreated()) ? embargo.get() : item.firstCreated();
    }
}

package ponte.core.licensing;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Validity bounds and embargo delays replaced by their rank among the network's distinct values, so that a time
 * check is an int comparison and stays exact to the nanosecond (epoch nanoseconds in a long end in 2262, and
 * "valid until 9999-12-31" is a real contract clause).
 */
final class TimeRanks {
    private static final int OPEN_FROM = -1;
    private static final int OPEN_TO = Integer.MAX_VALUE;

    private final Instant[] bounds;
    private final Duration[] delays;
    final int[] from;
    final int[] to;
    final int[] delay;

    /** Plain loops and arrays: ranking runs on every refresh, over a partition's ~16,000 licences, and boxed nothing needs boxing. */
    TimeRanks(Licence[] licences) {
        Instant[] allBounds = new Instant[2 * licences.length];
        Duration[] allDelays = new Duration[licences.length];
        int b = 0;
        for (int i = 0; i < licences.length; i++) {
            Validity validity = licences[i].validity();
            if (validity.from().isPresent()) {
                allBounds[b++] = validity.from().get();
            }
            if (validity.to().isPresent()) {
                allBounds[b++] = validity.to().get();
            }
            allDelays[i] = licences[i].embargoDelay();
        }
        bounds = distinctSorted(allBounds, b);
        delays = distinctSorted(allDelays, licences.length);
        from = new int[licences.length];
        to = new int[licences.length];
        delay = new int[licences.length];
        for (int i = 0; i < licences.length; i++) {
            Validity validity = licences[i].validity();
            from[i] = validity.from().isPresent() ? Arrays.binarySearch(bounds, validity.from().get()) : OPEN_FROM;
            to[i] = validity.to().isPresent() ? Arrays.binarySearch(bounds, validity.to().get()) : OPEN_TO;
            delay[i] = Arrays.binarySearch(delays, licences[i].embargoDelay());
        }
    }

    /** The first n values sorted, each once (in place: the array is the caller's scratch). */
    private static <T extends Comparable<? super T>> T[] distinctSorted(T[] values, int n) {
        Arrays.sort(values, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || values[i].compareTo(values[distinct - 1]) != 0) {
                values[distinct++] = values[i];
            }
        }
        return Arrays.copyOf(values, distinct);
    }

    /**
     * Whether the i-th licence is in time for every version at every moment from the version's release on: no start,
     * no end, no delay. (A delay of zero, where the network has one, is the first rank.)
     */
    boolean unconditional(int i) {
        return from[i] == OPEN_FROM && to[i] == OPEN_TO && delays[delay[i]].isZero();
    }

    /** How many bounds are at or before t: a bound of rank r is at or before t iff r &lt; this. */
    int boundsUpTo(Instant t) {
        return upTo(bounds, t);
    }

    int delaysUpTo(Duration d) {
        return upTo(delays, d);
    }

    /** The bound of this rank; an open start counts as the beginning of time. */
    Instant bound(int rank) {
        return rank == OPEN_FROM ? Instant.MIN : bounds[rank];
    }

    /** Whether the bound of this rank (an end) is after t; an open end always is. */
    boolean boundAfter(int rank, Instant t) {
        return rank == OPEN_TO || bounds[rank].isAfter(t);
    }

    Duration delay(int rank) {
        return delays[rank];
    }

    /** In an array of distinct sorted values: found at i, i + 1 are ≤ t; else the insertion point is the count. */
    private static int upTo(Object[] sorted, Object t) {
        int i = Arrays.binarySearch(sorted, t);
        return i >= 0 ? i + 1 : -(i + 1);
    }
}

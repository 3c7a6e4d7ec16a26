package ponte.search;

import java.time.Duration;

/**
 * How often the indexer makes what it applied searchable while it is catching up (a full batch came back from the
 * log): after every {@code items} items applied, or once {@code atMost} has passed, whichever comes first. Caught up,
 * it refreshes after every round that applied something, as before, so a new entry is searchable within about a second.
 *
 * <p>Why by items: each refresh flushes the writer's buffer as a segment on the indexing thread while the analysers
 * wait, and small segments are merged again later. Paced by seconds, a catch-up refreshed the more often the slower the
 * machine: at 100,000 items on a loaded two-core machine Ponte ended with 8 segments against raw Lucene's 3 and indexed
 * at 0.61–0.77× its rate (docs/benchmarks.md, issue 19). {@link #STANDARD}'s 50,000 items are about ten seconds of
 * indexing on a quiet machine (issue 7: 4,520 items/s), as often as before there; a slow machine refreshes less often,
 * but at least once a minute, so a catching-up index never looks frozen for long.
 */
record CatchUpRefreshes(int items, Duration atMost) {
    static final CatchUpRefreshes STANDARD = new CatchUpRefreshes(50_000, Duration.ofSeconds(60));

    CatchUpRefreshes {
        if (items < 1 || atMost.isNegative()) {
            throw new IllegalArgumentException("a catch-up refreshes after at least one item and a non-negative time: " + items + ", " + atMost);
        }
    }

    /** Whether a catch-up that applied {@code items} items in {@code elapsed} since its last refresh refreshes now. */
    boolean due(long applied, Duration elapsed) {
        return applied >= items || elapsed.compareTo(atMost) >= 0;
    }
}

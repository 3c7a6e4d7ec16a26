package ponte.search;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.core.fixtures.Fixtures.aVersion;
import static ponte.core.fixtures.Fixtures.anItem;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.core.fixtures.ReadOnlyLog;
import ponte.core.items.Item;
import ponte.core.items.Version;
import ponte.core.log.Cursor;
import ponte.core.log.IndexEntry;
import ponte.core.log.LogEntry;
import ponte.core.log.LogEvent;
import ponte.core.log.Tail;
import ponte.core.search.SearchIndex;

class IndexerTest {
    @TempDir
    Path dir;

    private final Published log = new Published();
    private final Tail tail = new Tail();
    private final AtomicInteger refreshes = new AtomicInteger();
    private LuceneIndex index;

    @AfterEach
    void close() {
        if (index != null) {
            index.close();
        }
    }

    /** Counted by the searcher manager's own listener: refreshes that flushed a segment and opened a searcher. */
    private LuceneIndex index() {
        index = LuceneIndex.open(dir, new LuceneIndexTest.NoOrgs(), 2);
        index.onRefresh(refreshes::incrementAndGet);
        return index;
    }

    @Test
    void aCatchUpRefreshesAfterEveryPacedNumberOfItemsHoweverLongItTakes() {
        log.publish(5_000);
        try (Indexer indexer = new Indexer(log, index(), tail, new CatchUpRefreshes(2_000, Duration.ofHours(1)))) {
            assertThat(indexer.catchUp()).isEqualTo(5_000);
        }

        // After 2,000 and 4,000 items, and once at the end so the catch-up leaves everything searchable.
        assertThat(refreshes).hasValue(3);
        assertThat(positionOfNewestView()).isEqualTo(new Cursor(5_000));
    }

    @Test
    void aSlowCatchUpStillRefreshesOnceTheLongestWaitHasPassed() {
        log.publish(3_000);
        try (Indexer indexer = new Indexer(log, index(), tail, new CatchUpRefreshes(1_000_000, Duration.ZERO))) {
            indexer.catchUp();
        }

        // Every batch of 1,000 took at least no time at all.
        assertThat(refreshes).hasValue(3);
        assertThat(positionOfNewestView()).isEqualTo(new Cursor(3_000));
    }

    /** Caught up, the pace by items must not hold back a new item: it is searchable after one poll and a refresh. */
    @Test
    void aCaughtUpIndexShowsANewItemWithinAboutASecond() throws InterruptedException {
        log.publish(3_000);
        try (Indexer indexer = new Indexer(log, index(), tail, CatchUpRefreshes.STANDARD).start()) {
            awaitSearchable(new Cursor(3_000), Duration.ofMinutes(2)); // the catch-up itself, on a shared machine

            long published = System.nanoTime();
            tail.committed(List.of(log.publishOne()));
            awaitSearchable(new Cursor(3_001), Duration.ofSeconds(30));

            // Indexer.POLL_MILLIS and a one-document refresh (about a second), with room for a test suite's two JVMs
            // on two cores; a pace of 50,000 items or a minute would miss this by far.
            assertThat(Duration.ofNanos(System.nanoTime() - published)).isLessThan(Duration.ofSeconds(10));
        }
    }

    private void awaitSearchable(Cursor entry, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (positionOfNewestView().seq() < entry.seq() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(positionOfNewestView()).isEqualTo(entry);
    }

    private Cursor positionOfNewestView() {
        try (SearchIndex.View view = index.view(Optional.empty())) {
            return view.position();
        }
    }

    /** The content log as the indexer reads it: published items in log order. */
    private static final class Published extends ReadOnlyLog {
        private final List<LogEntry> entries = new CopyOnWriteArrayList<>();

        void publish(int items) {
            for (int i = 0; i < items; i++) {
                publishOne();
            }
        }

        LogEntry publishOne() {
            int seq = entries.size() + 1;
            Item item = anItem().withId("i" + seq).build();
            Version first = aVersion().of(item).build();
            LogEntry entry = new LogEntry(new Cursor(seq), LogEvent.PUBLISHED, item, first, List.of());
            entries.add(entry);
            return entry;
        }

        @Override
        public List<IndexEntry> entries(Cursor after, int limit) {
            return entries.stream().skip(after.seq()).limit(limit)
                    .map(e -> new IndexEntry(e.cursor(), e.event(), e.item(), e.version(), e.item().id())).toList();
        }

        @Override
        public Cursor head() {
            return new Cursor(entries.size());
        }
    }
}

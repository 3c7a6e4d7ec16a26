package ponte.storage;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import ponte.core.items.Item;
import ponte.core.items.Version;
import ponte.core.licensing.Route;
import ponte.core.log.Appended;
import ponte.core.log.Cursor;
import ponte.core.log.FeedEntry;
import ponte.core.orgs.OrgId;

/**
 * The routes of the most recent log entries, in memory, so that reading a feed near its head (what partners do all
 * day) costs a binary search instead of a four-table join: measured, the query took 0.2-0.5 ms per page and the whole
 * HTTP answer of the in-memory reference about 0.03 ms (docs/benchmarks.md).
 *
 * <p>Only the log writer adds, in sequence order and only after the entries' commit, so a reader sees a prefix of the
 * committed log and its cursor never skips an entry. It holds every route of every entry after {@link #floor()}; a read
 * from an older cursor goes to the database. Past {@code capacity} routes the oldest are dropped by raising the floor.
 * An entry shares its item and version objects among every partner that received it.
 */
final class RecentRoutes {
    /**
     * One partner's routes, appended by one thread and read by many without locks. Readers take the current
     * {@link Run} once: its arrays hold at least {@code size} entries that never change, while the writer fills slots
     * past that size and publishes a new run that covers them.
     */
    private static final class Shelf {
        private record Run(long[] seqs, FeedEntry[] entries, int size) {}

        private volatile Run run = new Run(new long[16], new FeedEntry[16], 0);

        void add(FeedEntry entry) {
            Run r = run;
            long[] seqs = r.seqs();
            FeedEntry[] entries = r.entries();
            if (r.size() == seqs.length) {
                seqs = Arrays.copyOf(seqs, seqs.length * 2);
                entries = Arrays.copyOf(entries, entries.length * 2);
            }
            seqs[r.size()] = entry.cursor().seq();
            entries[r.size()] = entry;
            run = new Run(seqs, entries, r.size() + 1);
        }

        List<FeedEntry> after(long seq, int limit) {
            Run r = run;
            int from = Arrays.binarySearch(r.seqs(), 0, r.size(), seq);
            from = from >= 0 ? from + 1 : -(from + 1);
            int to = Math.min(r.size(), from + limit);
            return from >= to ? List.of() : Arrays.asList(Arrays.copyOfRange(r.entries(), from, to));
        }

        /** Drops entries at or before seq, leaving them to the database; returns how many. Writer only. */
        int dropUpTo(long seq) {
            Run r = run;
            int from = Arrays.binarySearch(r.seqs(), 0, r.size(), seq);
            from = from >= 0 ? from + 1 : -(from + 1);
            if (from == 0) {
                return 0;
            }
            int kept = r.size() - from;
            int capacity = Math.max(16, kept * 2);
            long[] seqs = new long[capacity];
            FeedEntry[] entries = new FeedEntry[capacity];
            System.arraycopy(r.seqs(), from, seqs, 0, kept);
            System.arraycopy(r.entries(), from, entries, 0, kept);
            run = new Run(seqs, entries, kept);
            return from;
        }
    }

    private final Map<OrgId, Shelf> shelves = new ConcurrentHashMap<>();
    private final int capacity;
    private volatile long floor;
    private long held;

    /** @param floor the log's head when this starts: every entry after it will be added */
    RecentRoutes(long floor, int capacity) {
        this.floor = floor;
        this.capacity = capacity;
    }

    /** Entries at or before this are not held (they may be in the database). */
    long floor() {
        return floor;
    }

    /** Adds a committed group of entries, in sequence order. Log writer only. */
    void add(List<Appended> committed) {
        for (Appended a : committed) {
            Item item = a.revision().item();
            Version version = a.revision().version();
            for (Route route : a.revision().routes()) {
                shelves.computeIfAbsent(route.partner(), p -> new Shelf()).add(new FeedEntry(a.cursor(), route.event(), item, version, a.at()));
                held++;
            }
        }
        if (held > capacity && !committed.isEmpty()) {
            dropOldest(committed.getLast().cursor().seq());
        }
    }

    /**
     * The partner's entries after the cursor, or empty if this does not hold them all (the cursor is older than the
     * floor, or became so while reading: the floor is raised before entries are dropped, so reading it again after the
     * entries tells whether they were complete).
     */
    Optional<List<FeedEntry>> after(OrgId partner, Cursor after, int limit) {
        if (after.seq() < floor) {
            return Optional.empty();
        }
        Shelf shelf = shelves.get(partner);
        List<FeedEntry> entries = shelf == null ? List.of() : shelf.after(after.seq(), limit);
        return after.seq() < floor ? Optional.empty() : Optional.of(entries);
    }

    /** Halves what is held: the floor moves to the middle between it and the head; readers before it use the database. */
    private void dropOldest(long head) {
        long newFloor = floor + (head - floor) / 2;
        floor = newFloor; // raised first: from now on no reader relies on what is dropped next
        for (Shelf shelf : shelves.values()) {
            held -= shelf.dropUpTo(newFloor);
        }
    }
}

package ponte.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.core.fixtures.Fixtures.aVersion;
import static ponte.core.fixtures.Fixtures.anItem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import ponte.core.items.Event;
import ponte.core.items.Item;
import ponte.core.log.Revision;
import ponte.core.items.Version;
import ponte.core.licensing.Route;
import ponte.core.log.Appended;
import ponte.core.log.Cursor;
import ponte.core.log.FeedEntry;
import ponte.core.log.LogEvent;
import ponte.core.orgs.OrgId;

class RecentRoutesTest {
    private static final OrgId A = new OrgId("a");
    private static final OrgId B = new OrgId("b");

    private static Appended entry(long seq, OrgId... partners) {
        Item item = anItem().withId("i" + seq).ownedBy("owner").build();
        Version version = aVersion().of(item).build();
        List<Route> routes = new ArrayList<>();
        for (OrgId p : partners) {
            routes.add(new Route(p, Event.PUBLISHED));
        }
        return new Appended(new Cursor(seq), new Revision(item, version, LogEvent.PUBLISHED, routes, Optional.empty()), Instant.EPOCH.plusSeconds(seq));
    }

    private static List<Long> seqs(Optional<List<FeedEntry>> entries) {
        return entries.orElseThrow().stream().map(e -> e.cursor().seq()).toList();
    }

    @Test
    void eachPartnerReadsItsOwnRoutesAfterItsCursorInLogOrder() {
        RecentRoutes recent = new RecentRoutes(10, 1000);
        recent.add(List.of(entry(11, A), entry(12, B), entry(13, A, B)));
        recent.add(List.of(entry(14, A)));

        assertThat(seqs(recent.after(A, new Cursor(10), 50))).containsExactly(11L, 13L, 14L);
        assertThat(seqs(recent.after(A, new Cursor(11), 2))).containsExactly(13L, 14L);
        assertThat(seqs(recent.after(B, new Cursor(12), 50))).containsExactly(13L);
        assertThat(seqs(recent.after(new OrgId("c"), new Cursor(10), 50))).isEmpty();
    }

    @Test
    void cursorsOlderThanTheFloorAreLeftToTheDatabase() {
        RecentRoutes recent = new RecentRoutes(10, 1000);

        assertThat(recent.after(A, new Cursor(9), 50)).isEmpty();
        assertThat(recent.after(A, new Cursor(10), 50)).contains(List.of());
    }

    @Test
    void pastCapacityTheOldestAreDroppedAndTheFloorRises() {
        RecentRoutes recent = new RecentRoutes(0, 100);
        for (long seq = 1; seq <= 150; seq++) {
            recent.add(List.of(entry(seq, A)));
        }

        assertThat(recent.floor()).isGreaterThan(0);
        assertThat(recent.after(A, new Cursor(recent.floor() - 1), 50)).isEmpty();
        List<Long> fromFloor = seqs(recent.after(A, new Cursor(recent.floor()), 1000));
        assertThat(fromFloor.getFirst()).isEqualTo(recent.floor() + 1);
        assertThat(fromFloor.getLast()).isEqualTo(150L);
        assertThat(fromFloor).hasSize((int) (150 - recent.floor()));
    }
}

package ponte.search;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.core.fixtures.Fixtures.aVersion;
import static ponte.core.fixtures.Fixtures.anItem;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.core.items.Item;
import ponte.core.items.Version;
import ponte.core.log.Cursor;
import ponte.core.log.IndexEntry;
import ponte.core.log.LogEvent;
import ponte.core.orgs.Org;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Orgs;
import ponte.core.orgs.Outlet;
import ponte.core.search.SearchIndex;

class LuceneIndexTest {
    @TempDir
    Path dir;

    private final Item item = anItem().withId("i1").build();
    private final Version first = aVersion().of(item).build();

    /**
     * Searching withholds a candidate changed on the log after its view's position. A release (a licence started, an
     * embargo lapsed) changes no document, so the index hands out the same searcher after it: that searcher's position
     * must move on with what the index applied, or the released item stays withheld until some other item changes.
     */
    @Test
    void aViewHoldsTheEntriesAppliedBeforeItEvenWhenTheyChangedNoDocument() {
        try (LuceneIndex index = LuceneIndex.open(dir, new NoOrgs(), 1)) {
            index.apply(List.of(entry(1, LogEvent.PUBLISHED)));
            index.refresh();
            assertThat(positionOfNewestView(index)).isEqualTo(new Cursor(1));

            index.apply(List.of(entry(2, LogEvent.RELEASED)));
            index.refresh();

            assertThat(positionOfNewestView(index)).isEqualTo(new Cursor(2));
        }
    }

    private IndexEntry entry(long seq, LogEvent event) {
        return new IndexEntry(new Cursor(seq), event, item, first, item.id());
    }

    private static Cursor positionOfNewestView(LuceneIndex index) {
        try (SearchIndex.View view = index.view(Optional.empty())) {
            return view.position();
        }
    }

    /** Documents look up the owners' countries; these items' owners have none on record. */
    static final class NoOrgs implements Orgs {
        @Override
        public Org register(Org org) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Org> byId(OrgId id) {
            return Optional.empty();
        }

        @Override
        public List<Org> all() {
            return List.of();
        }

        @Override
        public Outlet addOutlet(Outlet outlet) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Outlet> outlets(OrgId org) {
            return List.of();
        }
    }
}

package ponte.search;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.core.fixtures.Fixtures.aVersion;
import static ponte.core.fixtures.Fixtures.anItem;
import static ponte.core.fixtures.Fixtures.worldwideExcept;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ponte.core.items.Content;
import ponte.core.items.Event;
import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.items.Version;
import ponte.core.search.Candidate;
import ponte.core.search.Position;

class FactsTest {
    @Test
    void theGateReadsFromTheIndexExactlyWhatWasIndexed() {
        Instant first = Instant.parse("2026-02-06T19:00:00.123456789Z");
        Item item = anItem().withId("abc").ownedBy("cctv-plus", "italpress").atVersion(3).firstCreated(first).build();
        Version version = aVersion().of(item).number(3).event(Event.CORRECTED).created(first.plusSeconds(60)).inLanguage("zh-Hans")
                .embargoedUntil(first.plusNanos(1)).ofType("video").headline("冬奥会特别节目").inProducts("video").withRights(worldwideExcept("UG", "CL")).build();
        Content content = version.content();
        Candidate.Facts facts = new Candidate.Facts("zh-Hans", false, List.of(new Candidate.Subject("http://cv.iptc.org/newscodes/mediatopic/15000000", "sport")),
                Set.of("CN", "IT"), new ItemId("root"));
        byte[] bytes = Facts.encode(item, version, facts);

        Candidate read = Facts.decode(bytes, 0, bytes.length, new Position(1.5f, 7, 9));

        assertThat(read.item()).isEqualTo(item);
        assertThat(read.version().content().embargoedUntil()).isEqualTo(content.embargoedUntil());
        assertThat(read.version().content().language()).isEqualTo(content.language());
        assertThat(read.version().content().headline()).isEqualTo(content.headline());
        assertThat(read.version().rights()).isEqualTo(version.rights());
        assertThat(read.version().products()).isEqualTo(version.products());
        assertThat(read.version().event()).isEqualTo(Event.CORRECTED);
        assertThat(read.version().created()).isEqualTo(version.created());
        assertThat(read.facts()).isEqualTo(facts);
        assertThat(read.position()).isEqualTo(new Position(1.5f, 7, 9));
    }
}

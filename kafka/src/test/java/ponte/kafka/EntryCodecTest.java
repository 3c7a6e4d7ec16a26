package ponte.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.core.fixtures.Fixtures.T0;
import static ponte.core.fixtures.Fixtures.aVersion;
import static ponte.core.fixtures.Fixtures.anItem;
import static ponte.core.fixtures.Fixtures.org;
import static ponte.core.fixtures.Fixtures.worldwideExcept;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import ponte.core.items.Event;
import ponte.core.items.Item;
import ponte.core.items.Version;
import ponte.core.licensing.Route;
import ponte.core.log.Cursor;
import ponte.core.log.LogEntry;
import ponte.core.log.LogEvent;
import ponte.core.orgs.Territories;

/** A log entry survives the topic unchanged: every node indexes and streams what the writer committed. */
class EntryCodecTest {
    @Test
    void everyFactOfAKilledCoProductionSurvivesTheTopic() {
        Item item = anItem().withId("coprod").ownedBy("italpress", "cctv").atVersion(3).killed().firstCreated(T0.plusNanos(123_456_789)).build();
        Version kill = aVersion().of(item).number(3).killedBecause("Legal: wrong name").created(T0.plusSeconds(60)).inLanguage("zh-Hans")
                .embargoedUntil(Instant.parse("2026-05-02T08:00:00Z")).ofType("video").headline("冬奥会 \"特别\" 节目")
                .inProducts("video", "world").withRights(Territories.of(java.util.Set.of("CN", "IT"), java.util.Set.of("IT"))).build();
        LogEntry entry = new LogEntry(new Cursor(42), LogEvent.KILLED, item, kill,
                List.of(new Route(org("cgtn"), Event.KILLED), new Route(org("kbs"), Event.KILLED)));

        assertThat(EntryCodec.decode(EntryCodec.encode(entry))).isEqualTo(entry);
    }

    @Test
    void absentFactsStayAbsentAndWorldwideStaysWorldwide() {
        Item item = anItem().build();
        LogEntry entry = new LogEntry(new Cursor(1), LogEvent.PUBLISHED, item, aVersion().of(item).build(), List.of());

        LogEntry read = EntryCodec.decode(EntryCodec.encode(entry));

        assertThat(read).isEqualTo(entry);
        assertThat(read.version().content().language()).isEmpty();
        assertThat(read.version().content().embargoedUntil()).isEmpty();
        assertThat(read.version().killReason()).isEmpty();
        assertThat(read.version().rights()).isEqualTo(Territories.WORLDWIDE);
    }

    @Property(tries = 300)
    void anyTextAndPositionRoundTrip(@ForAll String ninjs, @ForAll String headline, @ForAll @LongRange(min = 1) long seq) {
        Item item = anItem().build();
        Version version = aVersion().of(item).number(2).event(Event.CORRECTED).withNinjs(ninjs).headline(headline)
                .withRights(worldwideExcept("KR", "JP")).build();
        LogEntry entry = new LogEntry(new Cursor(seq), LogEvent.CORRECTED, item, version, List.of(new Route(org("cgtn"), Event.UPDATED)));

        assertThat(EntryCodec.decode(EntryCodec.encode(entry))).isEqualTo(entry);
    }
}

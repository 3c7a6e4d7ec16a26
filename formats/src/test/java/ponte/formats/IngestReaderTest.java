package ponte.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ponte.core.fixtures.Fixtures.aLicence;
import static ponte.core.fixtures.Fixtures.aVersion;
import static ponte.core.fixtures.Fixtures.anItem;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import ponte.core.Invalid;
import ponte.core.ingest.Incoming;
import ponte.core.ingest.SourceFormat;
import ponte.core.items.Event;
import ponte.core.items.Version;
import ponte.formats.NinjsWriter.Terms;
import tools.jackson.databind.JsonNode;

/** Other agencies' documents read into valid ninjs 3.1 entries; what cannot be read is reported per entry. */
class IngestReaderTest {
    private static final NinjsSchema V31 = new NinjsSchema();
    private static final NinjsVersions VERSIONS = new NinjsVersions(V31, NinjsSchema.version22());
    private static final IngestReader READER = new IngestReader(new NinjsReader(V31), VERSIONS);

    static Stream<Path> officialShouldPass() {
        return Standards.shouldPass();
    }

    private static JsonNode stored(Incoming entry) {
        assertThat(entry).isInstanceOf(Incoming.Usable.class);
        return NinjsWriter.mapper().readTree(((Incoming.Usable) entry).content().ninjs());
    }

    @ParameterizedTest
    @ValueSource(strings = {"LISTING_1_A_NewsML-G2_News_Item.xml", "LISTING_2_NewsML-G2_Text_Document.xml", "LISTING_3_Photo_in_NewsML-G2.xml",
            "LISTING_4_Multiple_Renditions_of_a_Video_in_NewsML-G2.xml", "LISTING_6_Simple_NewsML-G2_Package.xml"})
    void iptcNewsMlG2ExamplesBecomeValidNinjs(String example) throws Exception {
        byte[] xml = Files.readAllBytes(NewsMlSchema.FOLDER.resolve("examples").resolve(example));

        List<Incoming> entries = READER.read(SourceFormat.NEWSML_G2, xml, "agency");

        assertThat(entries).hasSize(1);
        JsonNode ninjs = stored(entries.getFirst());
        assertThat(OfficialSchema.errorsIn(ninjs)).isEmpty();
        assertThat(ninjs.path("uri").asString()).startsWith(example.startsWith("LISTING_3") ? "tag:gettyimages.com" : "");
    }

    @Test
    void newsMlG2FieldsAreMapped() throws Exception {
        byte[] xml = Files.readAllBytes(NewsMlSchema.FOLDER.resolve("examples/LISTING_1_A_NewsML-G2_News_Item.xml"));

        JsonNode ninjs = stored(READER.read(SourceFormat.NEWSML_G2, xml, "agency").getFirst());

        assertThat(ninjs.path("uri").asString()).isEqualTo("urn:newsml:acmenews.com:20161018:US-FINANCE-FED");
        assertThat(ninjs.path("language").asString()).isEqualTo("en-GB");
        assertThat(ninjs.path("headlines").get(0).path("value").asString()).isEqualTo("Fed to halt QE to avert \"bubble\"");
        assertThat(ninjs.path("embargoedUntil").asString()).isEqualTo("2018-10-23T12:00:00Z");
        assertThat(ninjs.path("versionCreated").asString()).isEqualTo("2018-10-21T21:25:32Z");
        assertThat(ninjs.path("usageTerms").asString()).isEqualTo("Not for use outside the United States");
        assertThat(ninjs.path("subjects").get(0).path("literal").asString()).isEqualTo("medtop:04000000");
    }

    @Test
    void packageItemRefsBecomeAssociations() throws Exception {
        byte[] xml = Files.readAllBytes(NewsMlSchema.FOLDER.resolve("examples/LISTING_6_Simple_NewsML-G2_Package.xml"));

        JsonNode ninjs = stored(READER.read(SourceFormat.NEWSML_G2, xml, "agency").getFirst());

        assertThat(ninjs.path("type").asString()).isEqualTo("composite");
        assertThat(ninjs.path("associations")).hasSize(2);
        assertThat(ninjs.path("associations").get(1).path("uri").asString()).isEqualTo("urn:newsml:iptc.org:20081007:tutorial%E2%80%94item-B");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("officialShouldPass")
    void iptcNinjsExamplesAreReadAsTheyAreAndTheir22FormIsReadBackTo31(Path file) {
        JsonNode original = Standards.read(file);
        JsonNode stored = stored(READER.read(SourceFormat.NINJS, NinjsWriter.mapper().writeValueAsBytes(original), "agency").getFirst());
        assertThat(stored).isEqualTo(original);

        byte[] v22 = NinjsWriter.mapper().writeValueAsBytes(VERSIONS.to22((tools.jackson.databind.node.ObjectNode) original));
        assertThat(OfficialSchema.errorsIn(stored(READER.read(SourceFormat.NINJS, v22, "agency").getFirst()))).isEmpty();
    }

    @Test
    void pontesOwnAtomFeedReadsBackWithTheSameItemsAndKillsAsWithdrawals() {
        NinjsWriter writer = new NinjsWriter();
        Terms terms = Terms.partnerView(List.of("Italpress"), aLicence().build(), "Italpress", "CGTN");
        ponte.core.items.Item live = anItem().withId("aaaaaaaaaaaaaaaa").build();
        ponte.core.items.Item dead = anItem().withId("bbbbbbbbbbbbbbbb").build();
        Version deadVersion = aVersion().of(dead).number(2).killedBecause("Legal").build();
        FeedPage page = new FeedPage("urn:ponte:feed:x", "x", "http://p/v1/feed", "http://p/v1/feed?after=c2", "c2", List.of(
                new FeedPage.Entry("c1", new ItemView(Event.PUBLISHED, writer.render(live, aVersion().of(live).build(), terms), "http://p/v1/items/a")),
                new FeedPage.Entry("c2", new ItemView(Event.KILLED, writer.render(dead, deadVersion, terms), "http://p/v1/items/b"))));

        List<Incoming> atom = READER.read(SourceFormat.ATOM, new AtomWriter().page(page), "agency");
        List<Incoming> rss = READER.read(SourceFormat.RSS, new RssWriter().page(page), "agency");

        for (List<Incoming> entries : List.of(atom, rss)) {
            assertThat(entries).extracting(Incoming::uri).containsExactly(live.uri(), dead.uri());
            assertThat(entries.get(0)).isInstanceOf(Incoming.Usable.class);
            assertThat(entries.get(1)).isInstanceOf(Incoming.Canceled.class);
            assertThat(OfficialSchema.errorsIn(stored(entries.get(0)))).isEmpty();
        }
        assertThat(stored(atom.get(0)).path("language").isMissingNode()).isTrue();
    }

    @Test
    void atomTombstonesWithdrawAndRssGuidsThatAreNotUrisGetAStableUrn() {
        String atom = """
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:at="http://purl.org/atompub/tombstones/1.0" xml:lang="it">
                  <id>urn:x:feed</id><title>x</title><updated>2026-05-01T10:00:00Z</updated>
                  <entry><id>urn:x:1</id><title>Uno</title><updated>2026-05-01T10:00:00Z</updated><content type="text">Testo</content></entry>
                  <at:deleted-entry ref="urn:x:0" when="2026-05-01T09:00:00Z"/>
                </feed>""";
        String rss = """
                <rss version="2.0"><channel><title>x</title><link>http://x/</link><description>x</description><language>ko</language>
                  <item><guid isPermaLink="false">12345</guid><title>하나</title><description>설명</description></item>
                </channel></rss>""";

        List<Incoming> fromAtom = READER.read(SourceFormat.ATOM, atom.getBytes(StandardCharsets.UTF_8), "agency");
        List<Incoming> fromRss = READER.read(SourceFormat.RSS, rss.getBytes(StandardCharsets.UTF_8), "agency");

        assertThat(stored(fromAtom.get(0)).path("language").asString()).isEqualTo("it");
        assertThat(fromAtom.get(1)).isEqualTo(new Incoming.Canceled("urn:x:0", "deleted (Atom tombstone)", java.util.Optional.of(java.time.Instant.parse("2026-05-01T09:00:00Z"))));
        JsonNode korean = stored(fromRss.getFirst());
        assertThat(korean.path("uri").asString()).startsWith("urn:ponte:guid:").isEqualTo(READER.read(SourceFormat.RSS, rss.getBytes(StandardCharsets.UTF_8), "agency").getFirst().uri());
        assertThat(korean.path("language").asString()).isEqualTo("ko");
        assertThat(korean.path("altIds").get(0).path("value").asString()).isEqualTo("12345");
    }

    @Test
    void aBadEntryIsReportedAndTheOthersAreRead() {
        String ninjs = """
                [{"uri": "urn:x:good", "headlines": [{"value": "Good"}]},
                 {"uri": "urn:x:bad", "urgency": "very"},
                 {"headlines": [{"value": "No uri"}]},
                 42]""";

        List<Incoming> entries = READER.read(SourceFormat.NINJS, ninjs.getBytes(StandardCharsets.UTF_8), "agency");

        assertThat(entries).extracting(e -> e.getClass().getSimpleName()).containsExactly("Usable", "Malformed", "Malformed", "Malformed");
        assertThat(((Incoming.Malformed) entries.get(1)).detail()).contains("/urgency");
    }

    @Test
    void garbageIsRefusedAsADocument() {
        byte[] garbage = "\u0000\u0001 this is not a feed <<<".getBytes(StandardCharsets.UTF_8);
        for (SourceFormat format : SourceFormat.values()) {
            assertThatThrownBy(() -> READER.read(format, garbage, "agency")).as(format.wire()).isInstanceOf(Invalid.class);
        }
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>&x;</title></feed>";
        assertThatThrownBy(() -> READER.read(SourceFormat.ATOM, xxe.getBytes(StandardCharsets.UTF_8), "agency")).isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> READER.read(SourceFormat.NEWSML_G2, xxe.getBytes(StandardCharsets.UTF_8), "agency")).isInstanceOf(Invalid.class);
    }
}

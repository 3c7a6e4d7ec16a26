package ponte.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import ponte.core.Invalid;
import ponte.core.ingest.Incoming;
import ponte.core.ingest.SourceFormat;

/** Documents read from a stream one entry at a time: each entry bounded, each problem its entry's, the rest read on. */
class StreamedEntriesTest {
    private static final NinjsSchema V31 = new NinjsSchema();
    private static final IngestReader READER = new IngestReader(new NinjsReader(V31), new NinjsVersions(V31, NinjsSchema.version22()));
    private static final int BOUND = 4096;

    private static List<Incoming> read(SourceFormat format, String contentType, String document) throws IOException {
        IngestReader.Entries entries = READER.entries(format, contentType, new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)),
                "agency", BOUND);
        List<Incoming> out = new ArrayList<>();
        for (Optional<Incoming> e = entries.next(); e.isPresent(); e = entries.next()) {
            out.add(e.get());
        }
        return out;
    }

    private static String kinds(List<Incoming> entries) {
        return entries.stream().map(e -> e.getClass().getSimpleName()).collect(Collectors.joining(" "));
    }

    @Test
    void aNewsMessageItemLargerThanTheBoundIsThatItemsProblemAndTheNextIsRead() throws IOException {
        String message = "<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\"><header/><itemSet>" + item(1, "Uno")
                + item(2, "x".repeat(BOUND)) + item(3, "Tre") + "</itemSet></newsMessage>";

        List<Incoming> entries = read(SourceFormat.NEWSML_G2, "", message);

        assertThat(kinds(entries)).isEqualTo("Usable Malformed Usable");
        assertThat(((Incoming.Malformed) entries.get(1)).detail()).contains("larger than " + BOUND);
        assertThat(entries.get(2).uri()).isEqualTo("urn:g2:3");
    }

    private static String item(int i, String headline) {
        return "<newsItem guid=\"urn:g2:" + i + "\" version=\"1\" standard=\"NewsML-G2\" standardversion=\"2.35\" xml:lang=\"it\"><itemMeta>"
                + "<itemClass qcode=\"ninat:text\"/><provider literal=\"x\"/><versionCreated>2026-05-01T10:00:00Z</versionCreated>"
                + "<pubStatus qcode=\"stat:usable\"/></itemMeta><contentMeta><headline>" + headline + "</headline></contentMeta></newsItem>";
    }

    @Test
    void anRss10ChannelBeforeItsItemsGivesThemItsLanguage() throws IOException {
        String rdf = """
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel rdf:about="http://x/"><title>x</title><link>http://x/</link><description>x</description><dc:language>de</dc:language>
                    <items><rdf:Seq><rdf:li resource="http://x/1"/><rdf:li resource="http://x/2"/></rdf:Seq></items></channel>
                  <item rdf:about="http://x/1"><title>Eins</title><link>http://x/1</link></item>
                  <item rdf:about="http://x/2"><title>Zwei</title><link>http://x/2</link></item>
                </rdf:RDF>""";

        List<Incoming> entries = read(SourceFormat.RSS, "", rdf);

        assertThat(entries).extracting(Incoming::uri).containsExactly("http://x/1", "http://x/2");
        assertThat(((Incoming.Usable) entries.get(1)).content().language()).hasValue("de");
    }

    @Test
    void aFeedPageIsStreamedWithEachEntrysEvent() throws IOException {
        String page = "{\"next\": \"c2\", \"entries\": [{\"cursor\": \"c1\", \"event\": \"published\", \"item\": {\"uri\": \"urn:p:1\", \"headlines\": [{\"value\": \"A\"}]}},"
                + " {\"cursor\": \"c2\", \"event\": \"killed\", \"item\": {\"uri\": \"urn:p:2\"}}]}";

        assertThat(kinds(read(SourceFormat.NINJS, "application/json", page))).isEqualTo("Usable Canceled");
    }

    @Test
    void itemsOneAfterAnotherAreReadAsNdjsonAndABadLineIsOnlyThatLinesProblem() throws IOException {
        String lines = IntStream.rangeClosed(1, 3).mapToObj(i -> i == 2 ? "{not json" : "{\"uri\": \"urn:l:" + i + "\", \"headlines\": [{\"value\": \"L\"}]}")
                .collect(Collectors.joining("\n"));

        assertThat(kinds(read(SourceFormat.NINJS, "application/x-ndjson", lines))).isEqualTo("Usable Malformed Usable");
        // Without the media type, a stream of objects is still read; a syntax error ends it, as it would an array.
        List<Incoming> asJson = read(SourceFormat.NINJS, "application/json", lines);
        assertThat(kinds(asJson)).isEqualTo("Usable Malformed");
        assertThat(((Incoming.Malformed) asJson.get(1)).detail()).contains("cannot be read from here on");
    }

    @Test
    void aDecimalIsKeptAsWrittenThroughTheStreamedCopy() throws IOException {
        String item = "[{\"uri\": \"urn:d:1\", \"headlines\": [{\"value\": \"D\"}], \"places\": [{\"name\": \"Roma\", \"geoJSON\": {\"type\": \"Point\", \"coordinates\": [12.50, 41.90]}}]}]";

        Incoming.Usable entry = (Incoming.Usable) read(SourceFormat.NINJS, "", item).getFirst();

        assertThat(entry.content().ninjs()).contains("[12.50,41.90]");
    }

    @Test
    void aDocumentUnreadableFromItsStartIsRefusedWholeAndABrokenBodyIsTheReadersFailure() {
        assertThatThrownBy(() -> read(SourceFormat.ATOM, "", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>")).isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> read(SourceFormat.NINJS, "", "42")).isInstanceOf(Invalid.class);
        InputStream cut = new InputStream() {
            private final InputStream start = new ByteArrayInputStream("[{\"uri\": \"urn:c:1\"}, {\"uri\":".getBytes(StandardCharsets.UTF_8));

            @Override
            public int read() throws IOException {
                int b = start.read();
                if (b < 0) {
                    throw new IOException("connection reset");
                }
                return b;
            }
        };
        IngestReader.Entries entries = READER.entries(SourceFormat.NINJS, "", cut, "agency", BOUND);
        assertThatThrownBy(() -> {
            while (entries.next().isPresent()) {
                continue;
            }
        }).isInstanceOf(IOException.class).hasMessage("connection reset");
    }
}

package ponte.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.core.fixtures.Fixtures.aLicence;
import static ponte.core.fixtures.Fixtures.aVersion;
import static ponte.core.fixtures.Fixtures.anItem;
import static ponte.formats.Documents.aDocument;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.input.SAXBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ponte.core.items.Event;
import ponte.core.items.Version;
import ponte.formats.NinjsWriter.Terms;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every emitted document, checked offline by what receivers use: IPTC's schemas, and ROME for Atom and RSS. */
class WritersTest {
    private static final NinjsWriter NINJS = new NinjsWriter();
    private static final NinjsReader READER = new NinjsReader(new NinjsSchema());
    private static final NinjsVersions VERSIONS = new NinjsVersions(new NinjsSchema(), NinjsSchema.version22());
    private static final AtomWriter ATOM = new AtomWriter();
    private static final RssWriter RSS = new RssWriter();
    private static final NewsMlWriter NEWSML = new NewsMlWriter();

    private final ponte.core.items.Item item = anItem().withId("7kq2m9x4p1d8c3v6").build();
    private final Terms partner = Terms.partnerView(List.of("Italpress"), aLicence().build(), "Italpress", "CGTN");

    static Stream<Path> officialShouldPass() {
        return Standards.shouldPass();
    }

    private ItemView view(JsonNode filed, Event event) {
        Version version = aVersion().of(item).withNinjs(READER.read(filed).ninjs()).build();
        if (event == Event.KILLED) {
            version = aVersion().of(item).number(2).withNinjs(version.content().ninjs()).killedBecause("Legal").build();
        }
        return new ItemView(event, NINJS.render(item, version, partner), "http://ponte.test/v1/items/" + item.id());
    }

    private FeedPage page(List<ItemView> views) {
        List<FeedPage.Entry> entries = new ArrayList<>();
        for (int i = 0; i < views.size(); i++) {
            entries.add(new FeedPage.Entry("c" + (i + 1), views.get(i)));
        }
        return new FeedPage("urn:ponte:feed:cgtn", "Ponte feed for CGTN", "http://ponte.test/v1/feed?limit=50",
                "http://ponte.test/v1/feed?after=c9&limit=50", "c9", entries);
    }

    private List<ItemView> everyOfficialExample() {
        List<ItemView> views = new ArrayList<>();
        officialShouldPass().forEach(file -> views.add(view(Standards.read(file), Event.PUBLISHED)));
        return views;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("officialShouldPass")
    void ninjs22OfEveryOfficialExampleIsValidNinjs22(Path file) {
        for (Event event : List.of(Event.PUBLISHED, Event.KILLED)) {
            ObjectNode v22 = VERSIONS.to22(view(Standards.read(file), event).ninjs());

            assertThat(OfficialSchema.errorsIn22(v22)).as(event.wire()).isEmpty();
        }
    }

    @Test
    void ninjs22UsesTheLowerCaseNamesAndKeepsLicenceAndStatus() {
        ObjectNode v31 = view(aDocument().inLanguage("it").embargoedUntil("2026-05-01T08:00:00Z").build(), Event.KILLED).ninjs();

        ObjectNode v22 = VERSIONS.to22(v31);

        assertThat(v22.path("versioncreated").asString()).isEqualTo(v31.path("versionCreated").asString());
        assertThat(v22.path("embargoed").asString()).isEqualTo("2026-05-01T08:00:00Z");
        assertThat(v22.path("pubstatus").asString()).isEqualTo("canceled");
        assertThat(v22.at("/rightsinfo/encodedrights").asString()).isEqualTo(v31.at("/rightsInfo/encodedRights").asString());
        assertThat(v22.path("usageterms").asString()).isEqualTo(v31.path("usageTerms").asString());
        assertThat(v22.path("altids").get(0).path("role").asString()).isEqualTo("ponte-id");
        assertThat(VERSIONS.isVersion2(v22)).isTrue();
        assertThat(VERSIONS.isVersion2(v31)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("officialShouldPass")
    void ninjs22MapsBackToValidNinjs31(Path file) {
        ObjectNode back = VERSIONS.to31(VERSIONS.to22(view(Standards.read(file), Event.PUBLISHED).ninjs()));

        assertThat(OfficialSchema.errorsIn(back)).isEmpty();
    }

    @Test
    void anItemHoldingCharactersXmlCannotHoldIsStillWrittenInEveryXmlFormat() throws Exception {
        ObjectNode document = aDocument().inLanguage("it").build();
        document.putArray("headlines").addObject().put("role", "main").put("value", "Titolo\u0015 con controllo");
        ItemView view = view(document, Event.PUBLISHED);

        assertThat(new String(ATOM.item(view), StandardCharsets.UTF_8)).contains("Titolo\uFFFD con controllo");
        assertThat(new String(RSS.item(view), StandardCharsets.UTF_8)).contains("Titolo\uFFFD con controllo");
        assertThat(NewsMlSchema.errorsIn(NEWSML.item(view))).isEmpty();
    }

    @Test
    void atomFeedPageIsReadByRomeWithTheSameEntries() throws Exception {
        List<ItemView> views = everyOfficialExample();

        byte[] xml = ATOM.page(page(views));

        Feed feed = (Feed) new WireFeedInput().build(new InputStreamReader(new ByteArrayInputStream(xml), StandardCharsets.UTF_8));
        assertThat(feed.getEntries()).extracting(Entry::getId).containsExactlyElementsOf(views.stream().map(v -> v.ninjs().path("uri").asString()).toList());
        assertThat(feed.getOtherLinks()).extracting(Link::getRel, Link::getHref).contains(
                org.assertj.core.groups.Tuple.tuple("self", "http://ponte.test/v1/feed?limit=50"),
                org.assertj.core.groups.Tuple.tuple("next", "http://ponte.test/v1/feed?after=c9&limit=50"));
        assertThat(feed.getEntries()).allSatisfy(entry -> {
            assertThat(entry.getUpdated()).isNotNull();
            assertThat(entry.getTitle()).isNotBlank();
        });
    }

    @Test
    void atomEntryHasTitleSummaryContentWithLanguageAndEnclosures() throws Exception {
        ObjectNode document = aDocument().inLanguage("it").build();
        document.putArray("descriptions").addObject().put("role", "summary").put("value", "Il sommario");
        document.putArray("bodies").addObject().put("contentType", "text/html").put("value", "<p>Il testo</p>");
        document.putArray("renditions").addObject().put("name", "highRes").put("href", "https://example.com/a.jpg")
                .put("contentType", "image/jpeg").put("sizeInBytes", 1234);

        byte[] xml = ATOM.item(view(document, Event.CORRECTED));

        Element entry = jdom(xml).getRootElement();
        Namespace atom = Namespace.getNamespace("http://www.w3.org/2005/Atom");
        assertThat(entry.getName()).isEqualTo("entry");
        assertThat(entry.getChildText("id", atom)).isEqualTo("urn:ponte:item:7kq2m9x4p1d8c3v6");
        assertThat(entry.getChildText("title", atom)).isEqualTo("Ponte sullo Stretto, via libera");
        assertThat(entry.getChildText("summary", atom)).isEqualTo("Il sommario");
        assertThat(entry.getChild("content", atom).getAttributeValue("type")).isEqualTo("html");
        assertThat(entry.getChild("content", atom).getAttributeValue("lang", Namespace.XML_NAMESPACE)).isEqualTo("it");
        assertThat(entry.getChildText("content", atom)).isEqualTo("<p>Il testo</p>");
        assertThat(entry.getChildren("link", atom)).anySatisfy(link -> {
            assertThat(link.getAttributeValue("rel")).isEqualTo("enclosure");
            assertThat(link.getAttributeValue("href")).isEqualTo("https://example.com/a.jpg");
            assertThat(link.getAttributeValue("length")).isEqualTo("1234");
        });
        assertThat(entry.getChildren("category", atom)).extracting(c -> c.getAttributeValue("term")).contains("corrected", "usable");
    }

    @Test
    void rssPageIsReadByRomeWithAtomSelfLink() throws Exception {
        List<ItemView> views = everyOfficialExample();

        byte[] xml = RSS.page(page(views));

        Channel channel = (Channel) new WireFeedInput().build(new InputStreamReader(new ByteArrayInputStream(xml), StandardCharsets.UTF_8));
        assertThat(channel.getItems()).extracting(i -> i.getGuid().getValue()).containsExactlyElementsOf(views.stream().map(v -> v.ninjs().path("uri").asString()).toList());
        assertThat(channel.getItems()).extracting(Item::getGuid).allSatisfy(g -> assertThat(g.isPermaLink()).isFalse());
        Element channelElement = jdom(xml).getRootElement().getChild("channel");
        Namespace atom = Namespace.getNamespace("http://www.w3.org/2005/Atom");
        assertThat(channelElement.getChildren("link", atom)).extracting(l -> l.getAttributeValue("rel") + " " + l.getAttributeValue("href"))
                .containsExactly("self http://ponte.test/v1/feed?limit=50", "next http://ponte.test/v1/feed?after=c9&limit=50");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("officialShouldPass")
    void newsItemOfEveryOfficialExampleIsValidNewsMlG2(Path file) {
        for (Event event : List.of(Event.PUBLISHED, Event.CORRECTED, Event.KILLED)) {
            byte[] xml = NEWSML.item(view(Standards.read(file), event));

            assertThat(NewsMlSchema.errorsIn(xml)).as(event.wire() + "\n" + new String(xml, StandardCharsets.UTF_8)).isEmpty();
        }
    }

    @Test
    void newsItemCarriesStatusSignalAndRights() throws Exception {
        Element corrected = jdom(NEWSML.item(view(aDocument().inLanguage("it").build(), Event.CORRECTED))).getRootElement();
        Element killed = jdom(NEWSML.item(view(aDocument().build(), Event.KILLED))).getRootElement();

        Namespace nar = Namespace.getNamespace(NewsMlWriter.NAR);
        Element meta = corrected.getChild("itemMeta", nar);
        assertThat(corrected.getName()).isEqualTo("newsItem");
        assertThat(corrected.getAttributeValue("guid")).isEqualTo("urn:ponte:item:7kq2m9x4p1d8c3v6");
        assertThat(meta.getChild("pubStatus", nar).getAttributeValue("qcode")).isEqualTo("stat:usable");
        assertThat(meta.getChild("signal", nar).getAttributeValue("qcode")).isEqualTo("sig:correction");
        Element rights = corrected.getChild("rightsInfo", nar);
        assertThat(rights.getChildText("usageTerms", nar)).startsWith("Licensed by Italpress to CGTN");
        assertThat(rights.getChild("rightsExpressionData", nar).getAttributeValue("langid")).isEqualTo("http://www.w3.org/ns/odrl/2/");
        assertThat(killed.getChild("itemMeta", nar).getChild("pubStatus", nar).getAttributeValue("qcode")).isEqualTo("stat:canceled");
    }

    @Test
    void compositeWithAssociationsIsAPackageOfItemRefs() throws Exception {
        JsonNode composite = Standards.read(Standards.NINJS.resolve("examples-3.0/businesswire-newsml-20130731006140.json"));
        ItemView view = view(composite, Event.PUBLISHED);

        byte[] xml = NEWSML.item(view);

        assertThat(NEWSML.mediaTypeOf(view)).isEqualTo(NewsMlWriter.PACKAGE_TYPE);
        assertThat(NewsMlSchema.errorsIn(xml)).isEmpty();
        Namespace nar = Namespace.getNamespace(NewsMlWriter.NAR);
        Element group = jdom(xml).getRootElement().getChild("groupSet", nar).getChild("group", nar);
        assertThat(group.getChildren("itemRef", nar)).extracting(r -> r.getAttributeValue("residref"))
                .containsExactlyElementsOf(composite.path("associations").valueStream().map(a -> a.path("uri").asString()).toList());
    }

    @Test
    void newsMessageOfAPageIsValidAndCarriesTheSameItems() throws Exception {
        List<ItemView> views = everyOfficialExample();

        byte[] xml = NEWSML.message(page(views));

        assertThat(NewsMlSchema.errorsIn(xml)).isEmpty();
        Namespace nar = Namespace.getNamespace(NewsMlWriter.NAR);
        assertThat(jdom(xml).getRootElement().getChild("itemSet", nar).getChildren()).extracting(e -> e.getAttributeValue("guid"))
                .containsExactlyElementsOf(views.stream().map(v -> v.ninjs().path("uri").asString()).toList());
    }

    @Test
    void theXsdValidatorIsLiveIptcExamplesPassAndABrokenItemFails() throws Exception {
        for (String example : List.of("LISTING_1_A_NewsML-G2_News_Item.xml", "LISTING_3_Photo_in_NewsML-G2.xml", "LISTING_6_Simple_NewsML-G2_Package.xml")) {
            assertThat(NewsMlSchema.errorsIn(java.nio.file.Files.readAllBytes(NewsMlSchema.FOLDER.resolve("examples").resolve(example)))).as(example).isEmpty();
        }
        String broken = new String(NEWSML.item(view(aDocument().build(), Event.PUBLISHED)), StandardCharsets.UTF_8).replace("<pubStatus", "<pubStatusX");

        assertThat(NewsMlSchema.errorsIn(broken.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }

    private static Document jdom(byte[] xml) throws Exception {
        return new SAXBuilder().build(new ByteArrayInputStream(xml));
    }
}

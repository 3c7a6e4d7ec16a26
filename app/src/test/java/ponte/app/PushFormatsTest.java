package ponte.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ponte.app.TestNode.ninjs;
import static ponte.app.TestNode.reviseBody;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.input.SAXBuilder;
import org.jdom2.output.XMLOutputter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.app.TestNode.Hook;
import ponte.delivery.DeliverySettings;
import ponte.formats.NewsMlSchema;
import ponte.formats.OfficialSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Push in each format an endpoint may choose: ninjs 3.1 and 2.2 in the Standard Webhooks JSON payload, NewsML-G2 as
 * the item document itself. Every body is what the feed carries for that entry in that format, valid by IPTC's schema
 * (the official files in ponte-formats' test resources), and signed over its exact bytes (checked with the reference library). One node for the class.
 */
class PushFormatsTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String NEWSITEM = "application/vnd.iptc.g2.newsitem+xml";
    static final String NEWSMESSAGE = "application/vnd.iptc.g2.newsmessage+xml";
    static final Namespace NAR = Namespace.getNamespace("http://iptc.org/std/nar/2006-10-01/");
    static final String SPORT = "http://cv.iptc.org/newscodes/mediatopic/15000000";
    static final String TERMS = "Licensed by agency Org to partner Org";

    @TempDir
    static Path dataDir;

    static TestNode node;
    static Receiver receiver;
    static String editor;
    static String partner;

    @BeforeAll
    static void network() throws Exception {
        node = new TestNode(dataDir, Clock.systemUTC(), DeliverySettings.defaults().allowingPrivate(true).withPoll(Duration.ofMillis(200)));
        receiver = new Receiver();
        Networks.Keys keys = Networks.newsLicence(node, "CN");
        editor = keys.editor("agency");
        partner = keys.partner("partner");
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
        receiver.close();
    }

    static Hook endpoint(String path, String format, String filter) {
        return node.endpoint(partner, receiver.url(path), format, filter);
    }

    static JsonNode publish(ObjectNode ninjs) {
        return node.publish(editor, ninjs, "news");
    }

    static ObjectNode sportStory(String headline) {
        ObjectNode story = ninjs("it", headline);
        story.putArray("subjects").addObject().put("name", "sport").put("uri", SPORT);
        return story;
    }

    static List<Receiver.Hit> delivered(String path, int count) {
        await().atMost(WAIT).until(() -> receiver.delivered(path).size() >= count);
        return receiver.delivered(path);
    }

    static Element newsItem(Receiver.Hit hit) throws Exception {
        return new SAXBuilder().build(new StringReader(hit.body())).getRootElement();
    }

    static String headline(Receiver.Hit hit) throws Exception {
        return hit.header("content-type").startsWith(NEWSITEM)
                ? newsItem(hit).getChild("contentMeta", NAR).getChildText("headline", NAR)
                : hit.headline();
    }

    /** The partner's feed entries, in the ninjs version the query asks for. */
    static List<JsonNode> feedEntries(String query) {
        List<JsonNode> entries = new ArrayList<>();
        node.get("/v1/feed?limit=500" + query, partner).json().get("entries").forEach(entries::add);
        return entries;
    }

    static JsonNode feedEntry(String query, String cursor) {
        return feedEntries(query).stream().filter(e -> e.get("cursor").asString().equals(cursor)).findFirst().orElseThrow();
    }

    /** The item element the feed's newsMessage carries for the entry at this cursor (same page, same order as JSON). */
    static Element feedNewsItem(String cursor) throws Exception {
        List<String> cursors = feedEntries("").stream().map(e -> e.get("cursor").asString()).toList();
        String message = node.get("/v1/feed?limit=500", partner, NEWSMESSAGE).raw().body();
        List<Element> items = new SAXBuilder().build(new StringReader(message)).getRootElement().getChild("itemSet", NAR).getChildren();
        assertThat(items).hasSameSizeAs(cursors);
        return items.get(cursors.indexOf(cursor));
    }

    @Test
    void ninjs2EndpointReceivesTheFeedsNinjs22ItemInTheSignedJsonPayload() throws Exception {
        Hook hook = endpoint("/ninjs2", "ninjs2", null);
        String cursor = publish(sportStory("Slalom, Brignone vince")).get("cursor").asString();

        Receiver.Hit hit = delivered("/ninjs2", 1).getFirst();

        hit.verify(hook.secret());
        assertThat(hit.header("content-type")).startsWith("application/json");
        assertThat(hit.type()).isEqualTo("item.published");
        assertThat(hit.entry()).isEqualTo(cursor);
        assertThat(hit.header("Ponte-Cursor")).isEqualTo(cursor);
        JsonNode item = hit.json().get("data").get("item");
        assertThat(OfficialSchema.errorsIn22(item)).isEmpty();
        assertThat(item.has("versioncreated")).as("ninjs 2.2's name for versionCreated").isTrue();
        assertThat(item.get("usageterms").asString()).startsWith(TERMS);
        assertThat(item).isEqualTo(feedEntry("&ninjs=2.2", cursor).get("item"));
    }

    @Test
    void newsmlg2EndpointReceivesTheFeedsNewsItemValidAgainstTheXsdAndSignedOverItsBytes() throws Exception {
        Hook hook = endpoint("/newsml", "newsmlg2", null);
        JsonNode receipt = publish(sportStory("Slittino, oro azzurro"));
        String cursor = receipt.get("cursor").asString();

        Receiver.Hit hit = delivered("/newsml", 1).getFirst();

        hit.verify(hook.secret());
        assertThat(hit.header("content-type")).startsWith(NEWSITEM);
        assertThat(hit.id()).isEqualTo("msg_" + hook.id() + "_" + cursor);
        assertThat(hit.header("Ponte-Cursor")).isEqualTo(cursor);
        assertThat(hit.header("Ponte-Event")).isEqualTo("published");
        assertThat(NewsMlSchema.errorsIn(hit.body().getBytes(UTF_8))).isEmpty();
        Element item = newsItem(hit);
        assertThat(item.getName()).isEqualTo("newsItem");
        assertThat(item.getAttributeValue("guid")).isEqualTo(receipt.get("uri").asString());
        assertThat(item.getChild("rightsInfo", NAR).getChildText("usageTerms", NAR)).startsWith(TERMS);
        assertThat(item.getChild("contentMeta", NAR).getChild("subject", NAR).getAttributeValue("uri")).isEqualTo(SPORT);
        XMLOutputter out = new XMLOutputter();
        assertThat(out.outputString(item)).isEqualTo(out.outputString(feedNewsItem(cursor)));
    }

    @Test
    void correctionAndKillReachANewsmlg2EndpointAsACorrectionSignalThenACanceledItem() throws Exception {
        Hook hook = endpoint("/newsml-ck", "newsmlg2", "{\"languages\":[\"it\"]}");
        String id = publish(ninjs("it", "Notizia")).get("id").asString();
        delivered("/newsml-ck", 1);
        // The correction is in English: the endpoint's filter (Italian only) would refuse it, but the endpoint has the item.
        assertThat(node.put("/v1/items/" + id, editor, reviseBody(ninjs("en", "Story (corrected)"), "correction")).status()).isEqualTo(200);
        assertThat(node.delete("/v1/items/" + id, editor, "{\"reason\":\"Legal\"}").status()).isEqualTo(200);

        List<Receiver.Hit> hits = delivered("/newsml-ck", 3);

        assertThat(hits).extracting(h -> h.header("Ponte-Event")).containsExactly("published", "corrected", "killed");
        List<Element> items = new ArrayList<>();
        for (Receiver.Hit hit : hits) {
            hit.verify(hook.secret());
            assertThat(NewsMlSchema.errorsIn(hit.body().getBytes(UTF_8))).isEmpty();
            items.add(newsItem(hit));
        }
        assertThat(items).extracting(i -> i.getAttributeValue("version")).containsExactly("1", "2", "3");
        Element corrected = items.get(1).getChild("itemMeta", NAR);
        assertThat(corrected.getChild("signal", NAR).getAttributeValue("qcode")).isEqualTo("sig:correction");
        Element killed = items.get(2).getChild("itemMeta", NAR);
        assertThat(killed.getChild("pubStatus", NAR).getAttributeValue("qcode")).isEqualTo("stat:canceled");
        assertThat(killed.getChildText("edNote", NAR)).startsWith("Killed: Legal");
    }

    @Test
    void subjectFilterTakesTheSameEntriesInEveryFormat() throws Exception {
        List<String> formats = List.of("ninjs", "ninjs2", "newsmlg2");
        for (String format : formats) {
            endpoint("/sport-" + format, format, "{\"subjects\":[\"" + SPORT + "\"]}");
        }
        publish(ninjs("it", "Politica"));
        publish(sportStory("Sport uno"));
        publish(ninjs("it", "Meteo"));
        publish(sportStory("Sport due")); // delivered in log order: had Meteo gone through, it would have come first

        for (String format : formats) {
            List<String> headlines = new ArrayList<>();
            for (Receiver.Hit hit : delivered("/sport-" + format, 2)) {
                headlines.add(headline(hit));
            }
            assertThat(headlines).as(format).containsExactly("Sport uno", "Sport due");
        }
    }

    @Test
    void anEndpointSwitchedToNewsmlg2ReceivesItsNextEntryAsXml() throws Exception {
        Hook hook = endpoint("/switch", "ninjs", null);
        publish(ninjs("it", "Prima"));
        delivered("/switch", 1);
        TestNode.Answer changed = node.patch("/v1/endpoints/" + hook.id(), partner, "{\"format\":\"newsmlg2\"}");
        assertThat(changed.status()).as(changed.raw().body()).isEqualTo(200);

        publish(ninjs("it", "Seconda"));
        List<Receiver.Hit> hits = delivered("/switch", 2);

        assertThat(hits.get(0).header("content-type")).startsWith("application/json");
        assertThat(hits.get(1).header("content-type")).startsWith(NEWSITEM);
        assertThat(headline(hits.get(1))).isEqualTo("Seconda");
    }
}

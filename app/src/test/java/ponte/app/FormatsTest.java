package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.app.Networks.aNetwork;
import static ponte.app.TestNode.ninjs;
import static ponte.app.TestNode.publishBody;
import static ponte.app.TestNode.reviseBody;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.input.SAXBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import ponte.formats.NewsMlSchema;
import ponte.formats.OfficialSchema;
import tools.jackson.databind.JsonNode;

/** A partner reads its feed and items in five formats: the same entries, the same gate, each valid by its standard. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormatsTest {
    static final String NINJS_22 = "application/json; profile=\"http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json\"";
    static final String ATOM = "application/atom+xml";
    static final String RSS = "application/rss+xml";
    static final String NEWSITEM = "application/vnd.iptc.g2.newsitem+xml";
    static final Namespace NAR = Namespace.getNamespace("http://iptc.org/std/nar/2006-10-01/");

    @TempDir
    static Path dataDir;

    TestNode node;
    String editor;
    String partner;
    String stranger;
    List<String> uris = new ArrayList<>();
    String correctedId;
    String killedId;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void network() throws Exception {
        node = new TestNode(dataDir);
        Networks.Keys keys = aNetwork(node)
                .agency("agency", "IT").withProducts("news").licensedTo("broadcaster")
                .partner("broadcaster", "CN")
                .partner("stranger", "JP")
                .build();
        editor = keys.editor("agency");
        partner = keys.partner("broadcaster");
        stranger = keys.partner("stranger");
        for (String[] story : new String[][] {{"it", "Cortina, pista pronta"}, {"zh-Hans", "冬奥会专题"}, {"en", "Bridge opens"}}) {
            TestNode.Answer a = node.post("/v1/items", editor, publishBody(ninjs(story[0], story[1]), "news"));
            uris.add(a.json().get("uri").asString());
        }
        correctedId = node.get("/v1/feed", partner).json().get("entries").get(0).get("item").get("altIds").get(0).get("value").asString();
        node.put("/v1/items/" + correctedId, editor, reviseBody(ninjs("it", "Cortina, pista pronta (corretto)"), "correction"));
        killedId = node.get("/v1/feed", partner).json().get("entries").get(2).get("item").get("altIds").get(0).get("value").asString();
        node.delete("/v1/items/" + killedId, editor, "{\"reason\":\"Duplicate\"}");
    }

    @AfterAll
    void stop() throws Exception {
        node.close();
    }

    HttpResponse<String> get(String path, String key, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.base + path)).header("Authorization", "Bearer " + key);
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path, String key, String accept) throws Exception {
        return get(path, key, Map.of("Accept", accept));
    }

    @Test
    void everyFormatOfTheFeedHasTheSameEntries() throws Exception {
        List<String> ninjs31 = new ArrayList<>();
        JsonNode page31 = NinjsJson.read(get("/v1/feed", partner, "application/json").body());
        page31.get("entries").forEach(e -> ninjs31.add(e.get("item").get("uri").asString()));
        assertThat(ninjs31).containsSubsequence(uris);

        JsonNode page22 = NinjsJson.read(get("/v1/feed", partner, NINJS_22).body());
        List<String> ninjs22 = new ArrayList<>();
        page22.get("entries").forEach(e -> {
            ninjs22.add(e.get("item").get("uri").asString());
            assertThat(OfficialSchema.errorsIn22(e.get("item"))).isEmpty();
        });
        assertThat(NinjsJson.read(get("/v1/feed?ninjs=2.2", partner, "*/*").body())).isEqualTo(page22);

        HttpResponse<String> atomAnswer = get("/v1/feed", partner, ATOM);
        assertThat(atomAnswer.headers().firstValue("Content-Type").orElse("")).startsWith(ATOM);
        Feed atom = (Feed) new WireFeedInput().build(new StringReader(atomAnswer.body()));
        Channel rss = (Channel) new WireFeedInput().build(new StringReader(get("/v1/feed", partner, RSS).body()));
        HttpResponse<String> g2 = get("/v1/feed", partner, "application/vnd.iptc.g2.newsmessage+xml");
        assertThat(NewsMlSchema.errorsIn(g2.body().getBytes(StandardCharsets.UTF_8))).isEmpty();
        List<String> newsMl = new SAXBuilder().build(new StringReader(g2.body())).getRootElement().getChild("itemSet", NAR).getChildren()
                .stream().map(e -> e.getAttributeValue("guid")).toList();

        assertThat(ninjs22).isEqualTo(ninjs31);
        assertThat(atom.getEntries().stream().map(Entry::getId).toList()).isEqualTo(ninjs31);
        assertThat(rss.getItems().stream().map(i -> i.getGuid().getValue()).toList()).isEqualTo(ninjs31);
        assertThat(newsMl).isEqualTo(ninjs31);
        assertThat(atom.getOtherLinks()).anySatisfy(l -> assertThat(l.getRel()).isEqualTo("next"));
    }

    @Test
    void correctionsAndKillsSayWhatTheyAreInEveryFormat() throws Exception {
        Element message = new SAXBuilder().build(new StringReader(get("/v1/feed", partner, NEWSITEM).body())).getRootElement();
        List<Element> items = message.getChild("itemSet", NAR).getChildren();
        assertThat(items).extracting(i -> i.getChild("itemMeta", NAR).getChild("signal", NAR))
                .anySatisfy(signal -> assertThat(signal == null ? "" : signal.getAttributeValue("qcode")).isEqualTo("sig:correction"));
        assertThat(items).anySatisfy(i -> assertThat(i.getChild("itemMeta", NAR).getChild("pubStatus", NAR).getAttributeValue("qcode")).isEqualTo("stat:canceled"));
        assertThat(items).allSatisfy(i -> assertThat(i.getChild("rightsInfo", NAR).getChildText("usageTerms", NAR)).startsWith("Licensed by agency Org to broadcaster Org"));

        Feed atom = (Feed) new WireFeedInput().build(new StringReader(get("/v1/feed", partner, ATOM).body()));
        assertThat(atom.getEntries()).anySatisfy(e -> assertThat(e.getCategories()).anySatisfy(c -> assertThat(c.getTerm()).isEqualTo("canceled")));
        assertThat(atom.getEntries()).anySatisfy(e -> assertThat(e.getCategories()).anySatisfy(c -> assertThat(c.getTerm()).isEqualTo("corrected")));
    }

    @Test
    void anItemInEveryFormatIsValid() throws Exception {
        String path = "/v1/items/" + correctedId;
        assertThat(OfficialSchema.errorsIn(NinjsJson.read(get(path, partner, "application/json").body()))).isEmpty();
        HttpResponse<String> v22 = get(path, partner, NINJS_22);
        assertThat(v22.headers().firstValue("Content-Type").orElse("")).contains("profile=");
        assertThat(OfficialSchema.errorsIn22(NinjsJson.read(v22.body()))).isEmpty();
        HttpResponse<String> g2 = get(path, partner, NEWSITEM);
        assertThat(g2.headers().firstValue("Content-Type").orElse("")).startsWith(NEWSITEM);
        assertThat(NewsMlSchema.errorsIn(g2.body().getBytes(StandardCharsets.UTF_8))).isEmpty();
        Element entry = new SAXBuilder().build(new StringReader(get(path, partner, ATOM).body())).getRootElement();
        assertThat(entry.getName()).isEqualTo("entry");
        assertThat(entry.getChild("content", Namespace.getNamespace("http://www.w3.org/2005/Atom")).getAttributeValue("lang", Namespace.XML_NAMESPACE)).isEqualTo("it");
        Channel rss = (Channel) new WireFeedInput().build(new StringReader(get(path, partner, RSS).body()));
        assertThat(rss.getItems()).hasSize(1);
    }

    @Test
    void theGateIsTheSameInEveryFormat() throws Exception {
        for (String accept : List.of("application/json", NINJS_22, ATOM, RSS, NEWSITEM)) {
            assertThat(get("/v1/items/" + correctedId, stranger, accept).statusCode()).as(accept).isEqualTo(404);
        }
        assertThat(NinjsJson.read(get("/v1/feed", stranger, "application/json").body()).get("entries")).isEmpty();
        assertThat(((Feed) new WireFeedInput().build(new StringReader(get("/v1/feed", stranger, ATOM).body()))).getEntries()).isEmpty();
        assertThat(((Channel) new WireFeedInput().build(new StringReader(get("/v1/feed", stranger, RSS).body()))).getItems()).isEmpty();
        String g2 = get("/v1/feed", stranger, NEWSITEM).body();
        assertThat(new SAXBuilder().build(new StringReader(g2)).getRootElement().getChild("itemSet", NAR).getChildren()).isEmpty();
    }

    @Test
    void unsupportedTypesAre406ProblemsAndBadParametersAre422() throws Exception {
        HttpResponse<String> answer = get("/v1/feed", partner, "text/csv");
        assertThat(answer.statusCode()).isEqualTo(406);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(answer.body()).contains("application/atom+xml");
        assertThat(get("/v1/items/" + correctedId, partner, "image/png").statusCode()).isEqualTo(406);
        assertThat(get("/v1/feed?ninjs=9", partner, "*/*").statusCode()).isEqualTo(422);
        assertThat(get("/v1/feed", partner, "text/csv, application/rss+xml;q=0.5").statusCode()).isEqualTo(200);
    }

    @Test
    void feedPagesAndItemsAnswer304ToTheirETagAndDifferPerFormat() throws Exception {
        for (String path : List.of("/v1/feed?limit=2", "/v1/items/" + correctedId)) {
            List<String> tags = new ArrayList<>();
            for (String accept : List.of("application/json", NINJS_22, ATOM, RSS, NEWSITEM)) {
                HttpResponse<String> first = get(path, partner, accept);
                String etag = first.headers().firstValue("ETag").orElseThrow();
                assertThat(etag).startsWith("\"");
                assertThat(first.headers().firstValue("Cache-Control").orElse("")).contains("private");
                assertThat(first.headers().firstValue("Vary").orElse("")).contains("Accept").contains("Authorization");
                HttpResponse<String> again = get(path, partner, Map.of("Accept", accept, "If-None-Match", etag));
                assertThat(again.statusCode()).as(path + " " + accept).isEqualTo(304);
                assertThat(again.body()).isEmpty();
                assertThat(again.headers().firstValue("ETag")).contains(etag);
                assertThat(get(path, partner, Map.of("Accept", accept, "If-None-Match", "\"other\"")).statusCode()).isEqualTo(200);
                assertThat(get(path, partner, Map.of("Accept", accept, "If-None-Match", "\"other\", W/" + etag)).statusCode()).isEqualTo(304);
                tags.add(etag);
            }
            assertThat(tags).doesNotHaveDuplicates();
        }
    }

    @Test
    void theHeadPagesETagChangesWhenAnEntryArrives() throws Exception {
        String head = NinjsJson.read(get("/v1/feed?limit=50", partner, "application/json").body()).get("next").asString();
        String path = "/v1/feed?after=" + head + "&limit=50";
        String before = get(path, partner, "application/json").headers().firstValue("ETag").orElseThrow();
        assertThat(get(path, partner, Map.of("If-None-Match", before)).statusCode()).isEqualTo(304);

        node.post("/v1/items", editor, publishBody(ninjs("it", "Nuova notizia"), "news"));

        HttpResponse<String> after = get(path, partner, Map.of("If-None-Match", before));
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(before);
        assertThat(NinjsJson.read(after.body()).get("entries")).hasSize(1);
    }

    @Test
    void jsonFeedIsTheSameDocumentJacksonWouldWrite() throws Exception {
        String body = get("/v1/feed", partner, "application/json").body();
        JsonNode parsed = NinjsJson.read(body);
        assertThat(NinjsJson.write(parsed)).isEqualTo(body);
        assertThat(parsed.get("entries")).allSatisfy(e -> assertThat(OfficialSchema.errorsIn(e.get("item"))).isEmpty());
    }

    /** The project's mapper, for reading answers as ninjs does. */
    static final class NinjsJson {
        static JsonNode read(String text) {
            return ponte.formats.NinjsWriter.mapper().readTree(text);
        }

        static String write(JsonNode node) {
            return ponte.formats.NinjsWriter.mapper().writeValueAsString(node);
        }
    }
}

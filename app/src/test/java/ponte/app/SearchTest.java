package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static ponte.app.Networks.aNetwork;
import static ponte.app.TestNode.publishBody;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import ponte.core.fixtures.MovableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Multilingual search through the API: each language's analyser finds its own items and not the others', and a
 * partner finds only what the gate allows it now. One node for the class; each test publishes its own items.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTest {
    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    final MovableClock clock = new MovableClock(T0);
    TestNode node;
    String agencyEditor;
    String otherEditor;
    String partner;
    String stranger;

    @BeforeAll
    void network(@TempDir Path dataDir) throws Exception {
        node = new TestNode(dataDir, clock);
        Networks.Keys keys = aNetwork(node)
                .agency("agency", "IT").withProducts("wire", "premium").licensedTo("partner-tv", "wire")
                .agency("other-agency", "CN").withProducts("other-wire").licensedTo("partner-tv")
                .partner("partner-tv", "KR")
                .partner("stranger-tv", "JP")
                .build();
        agencyEditor = keys.editor("agency");
        otherEditor = keys.editor("other-agency");
        partner = keys.partner("partner-tv");
        stranger = keys.partner("stranger-tv");
    }

    @AfterAll
    void stop() throws Exception {
        node.close();
    }

    // --- languages ---

    @Test
    void chineseQueryFindsTheChineseItemAndNotTheJapaneseOne() {
        String zh = publish(agencyEditor, "wire", item("zh-Hans", "米兰-科尔蒂纳冬奥会电视特别节目开播", "米兰冬奥会将于2月6日开幕，节目介绍场馆准备。"));
        String ja = publish(agencyEditor, "wire", item("ja", "冬の奥会津で雪まつりが開かれる", "会場には冬の観光客が集まった。"));
        indexed();
        assertThat(ids(search(partner, "q=冬奥会"))).contains(zh).doesNotContain(ja);
    }

    @Test
    void koreanQueryFindsTheKoreanItem() {
        String ko = publish(agencyEditor, "wire", item("ko", "한·이 영화 공동제작 논의", "양측은 공동 기획 개발과 현지 촬영 지원을 논의했다."));
        String other = publish(agencyEditor, "wire", item("ko", "서울 국제 영화제 개막", "영화제에는 많은 관객이 모였다."));
        indexed();
        assertThat(ids(search(partner, "q=공동제작"))).contains(ko).doesNotContain(other);
    }

    @Test
    void japaneseQueryFindsTheJapaneseItemAndNotTheChineseOne() {
        String ja = publish(agencyEditor, "wire", item("ja", "東京国際映画祭で日伊共同制作の映画を上映", "映画祭は十月に開幕した。"));
        String zh = publish(agencyEditor, "wire", item("zh-Hans", "上海国际电影节开幕", "电影节上映了多部中意合拍影片。"));
        indexed();
        List<String> found = ids(search(partner, "q=映画祭"));
        assertThat(found).contains(ja).doesNotContain(zh);
    }

    @Test
    void italianPluralFindsTheSingular() {
        String it = publish(agencyEditor, "wire", item("it", "Firmato l'accordo di coproduzione italo-coreana", "La coproduzione riguarda tre film."));
        String en = publish(agencyEditor, "wire", item("en", "Italy and Korea sign a film agreement", "The agreement covers three films."));
        indexed();
        assertThat(ids(search(partner, "q=coproduzioni"))).contains(it).doesNotContain(en);
        assertThat(ids(search(partner, "q=coproduzioni&lang=en"))).isEmpty();
    }

    @Test
    void hitsCarryMarkedSnippetsFacetsAndAHistogram() {
        publish(agencyEditor, "wire", item("it", "Bolzano, mercatino di Natale da record", "Il mercatino di Natale di Bolzano ha registrato visitatori da record."));
        indexed();
        JsonNode answer = search(partner, "q=mercatino");
        JsonNode hit = answer.get("items").get(0);
        assertThat(hit.get("snippets").get("headline").asString()).contains("<mark>mercatino</mark>");
        assertThat(hit.get("snippets").get("body").get(0).asString()).contains("<mark>mercatino</mark>");
        assertThat(answer.get("facets").get("language").get(0).get("value").asString()).isEqualTo("it");
        assertThat(answer.get("facets").get("country").get(0).get("value").asString()).isEqualTo("IT");
        assertThat(answer.get("histogram").get(0).get("day").asString()).isEqualTo("2026-03-01");
        assertThat(answer.get("total").get("value").asInt()).isEqualTo(1);
    }

    @Test
    void anItemWithoutLanguageIsFoundUnderTheDetectedOneButNeverLicensedByIt() {
        ObjectNode ninjs = item("it", "Venezia, la Biennale apre le porte ai visitatori", "La mostra internazionale resterà aperta fino a novembre con opere di artisti da tutto il mondo.");
        ninjs.remove("language");
        String id = publish(agencyEditor, "wire", ninjs);
        indexed();
        JsonNode hit = hitFor(search(partner, "q=Biennale&lang=it"), id);
        assertThat(hit.get("language").asString()).isEqualTo("it");
        assertThat(hit.get("languageDetected").asBoolean()).isTrue();
    }

    // --- scoping ---

    @Test
    void aPartnerWithoutLicenceFindsNothingAndCountsNothing() {
        publish(agencyEditor, "wire", item("it", "Trieste, la Barcolana chiude con un record", "La regata ha visto duemila barche."));
        indexed();
        JsonNode answer = search(stranger, "q=Barcolana");
        assertThat(answer.get("items")).isEmpty();
        assertThat(answer.get("total").get("value").asInt()).isZero();
        assertThat(answer.get("facets").get("language")).isEmpty();
        assertThat(answer.get("histogram")).isEmpty();
    }

    @Test
    void facetsCountOnlyWhatThePartnerMaySee() {
        publish(agencyEditor, "wire", item("it", "Palio di Siena, vince la contrada della Torre", "Il palio si è corso in piazza."));
        publish(agencyEditor, "premium", item("en", "Palio di Siena: the Torre district wins", "The palio was run in the square."));
        indexed();
        JsonNode partnerView = search(partner, "q=palio");
        assertThat(partnerView.get("total").get("value").asInt()).isEqualTo(1);
        assertThat(partnerView.get("facets").get("language")).extracting(b -> b.get("value").asString()).containsExactly("it");
        assertThat(partnerView.get("facets").get("product")).extracting(b -> b.get("value").asString()).containsExactly("wire");
        assertThat(search(agencyEditor, "q=palio").get("total").get("value").asInt()).isEqualTo(2);
    }

    @Test
    void aKilledItemDisappearsAtOnce() {
        String id = publish(agencyEditor, "wire", item("it", "Ancona, nuova rotta per la Croazia", "Il traghetto partirà a giugno."));
        indexed();
        assertThat(ids(search(partner, "q=traghetto"))).contains(id);
        TestNode.Answer kill = node.delete("/v1/items/" + id, agencyEditor, "{\"reason\":\"wrong date\"}");
        assertThat(kill.status()).isEqualTo(200);
        // No waiting for the indexer: the kill is on the log, so the item is withheld from this moment.
        assertThat(ids(search(partner, "q=traghetto"))).doesNotContain(id);
        indexed();
        assertThat(ids(search(partner, "q=traghetto"))).doesNotContain(id);
        JsonNode own = hitFor(search(agencyEditor, "q=traghetto"), id);
        assertThat(own.get("pubStatus").asString()).isEqualTo("canceled");
    }

    @Test
    void anEmbargoedItemIsInvisibleUntilTheEmbargoLapses() {
        ObjectNode ninjs = item("it", "Sanremo, svelati i big in gara", "L'elenco dei cantanti in gara al festival.");
        ninjs.put("embargoedUntil", clock.instant().plus(Duration.ofHours(2)).toString());
        String id = publish(agencyEditor, "wire", ninjs);
        indexed();
        assertThat(ids(search(partner, "q=Sanremo"))).doesNotContain(id);
        assertThat(ids(search(agencyEditor, "q=Sanremo"))).contains(id);
        clock.advance(Duration.ofHours(2));
        // The index did not change; the gate decides at query time.
        assertThat(ids(search(partner, "q=Sanremo"))).contains(id);
    }

    @Test
    void deepPagingNeverSkipsNorRepeatsAVisibleHit() {
        List<String> visible = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String product = i % 3 == 0 ? "wire" : "premium";
            String id = publish(agencyEditor, product, item("en", "Lighthouse keeper story number " + i, "The lighthouse stands on the cliff, story " + i + "."));
            if (product.equals("wire")) {
                visible.add(id);
            }
        }
        for (String sort : List.of("relevance", "newest")) {
            indexed();
            List<String> seen = new ArrayList<>();
            String query = "q=lighthouse&limit=3&sort=" + sort;
            JsonNode page = search(partner, query);
            while (true) {
                seen.addAll(ids(page));
                if (page.get("next").isNull()) {
                    break;
                }
                page = search(partner, query + "&after=" + page.get("next").asString());
            }
            assertThat(seen).as(sort).containsExactlyInAnyOrderElementsOf(visible).doesNotHaveDuplicates();
        }
    }

    // --- language versions ---

    @Test
    void languageVersionsAreListedAsTheCallerMaySeeThem() {
        String it = publish(agencyEditor, "wire", item("it", "Dolomiti, nuova funivia al Passo Rolle", "La funivia collega il passo alla cima."));
        String en = publish(agencyEditor, "wire", item("en", "Dolomites: new cable car at Passo Rolle", "The cable car links the pass to the summit."), it);
        String de = publish(agencyEditor, "premium", item("de", "Dolomiten: neue Seilbahn am Passo Rolle", "Die Seilbahn verbindet den Pass mit dem Gipfel."), en);
        indexed();
        JsonNode hit = hitFor(search(partner, "q=funivia"), it);
        assertThat(hit.get("languageVersions")).extracting(v -> v.get("id").asString()).containsExactly(en);
        JsonNode owner = hitFor(search(agencyEditor, "q=funivia"), it);
        assertThat(owner.get("languageVersions")).extracting(v -> v.get("id").asString()).containsExactlyInAnyOrder(en, de);
        assertThat(node.get("/v1/items/" + en + "/translations", partner).json().get("items"))
                .extracting(v -> v.get("id").asString()).containsExactly(it);
        assertThat(node.get("/v1/items/" + it + "/translations", agencyEditor).json().get("items"))
                .extracting(v -> v.get("language").asString()).containsExactlyInAnyOrder("en", "de");
        assertThat(node.get("/v1/items/" + de + "/translations", partner).status()).isEqualTo(404);
    }

    @Test
    void translationOfMustBeAnItemOfTheSameOrg() {
        String theirs = publish(otherEditor, "other-wire", item("zh-Hans", "江苏新闻", "新闻内容。"));
        TestNode.Answer foreign = node.post("/v1/items", agencyEditor, withTranslationOf(item("it", "Notizia", "Testo."), "wire", theirs));
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/translationOf");
        assertThat(node.post("/v1/items", agencyEditor, withTranslationOf(item("it", "Notizia", "Testo."), "wire", "no-such-item")).status()).isEqualTo(422);
    }

    // --- the edge ---

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        for (String[] bad : List.of(new String[] {"sort=best", "/sort"}, new String[] {"after=c12", "/after"}, new String[] {"from=yesterday", "/from"},
                new String[] {"limit=0", "/limit"}, new String[] {"lang=" + enc("<script>"), "/lang"}, new String[] {"type=book", "/type"},
                new String[] {"country=XX", "/country"})) {
            TestNode.Answer a = node.get("/v1/search?q=x&" + bad[0], partner);
            assertThat(a.status()).as(bad[0]).isEqualTo(422);
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(a.json().get("errors").get(0).get("pointer").asString()).as(bad[0]).isEqualTo(bad[1]);
        }
        String next = firstNext();
        assertThat(node.get("/v1/search?q=other&after=" + next, partner).status()).isEqualTo(422);
        assertThat(node.get("/v1/search?q=x", null).status()).isEqualTo(401);
    }

    private String firstNext() {
        for (int i = 0; i < 3; i++) {
            publish(agencyEditor, "wire", item("en", "Harbour news " + i, "Ships in the harbour."));
        }
        indexed();
        return search(partner, "q=harbour&limit=1").get("next").asString();
    }

    // --- helpers ---

    private void indexed() {
        node.handle().catchUpSearch();
    }

    private JsonNode search(String key, String query) {
        TestNode.Answer a = node.get("/v1/search?" + encodeValues(query), key);
        assertThat(a.status()).as(a.raw().body()).isEqualTo(200);
        return a.json();
    }

    private static String encodeValues(String query) {
        List<String> parts = new ArrayList<>();
        for (String p : query.split("&")) {
            int eq = p.indexOf('=');
            parts.add(p.substring(0, eq + 1) + (p.substring(0, eq).equals("after") ? p.substring(eq + 1) : enc(p.substring(eq + 1))));
        }
        return String.join("&", parts);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static List<String> ids(JsonNode answer) {
        List<String> out = new ArrayList<>();
        answer.get("items").forEach(h -> out.add(h.get("id").asString()));
        return out;
    }

    private static JsonNode hitFor(JsonNode answer, String id) {
        for (JsonNode h : answer.get("items")) {
            if (h.get("id").asString().equals(id)) {
                return h;
            }
        }
        throw new AssertionError("no hit " + id + " in " + answer);
    }

    static ObjectNode item(String language, String headline, String body) {
        ObjectNode n = TestNode.ninjs(language, headline);
        ((ObjectNode) n.get("bodies").get(0)).put("value", body);
        return n;
    }

    private String publish(String editor, String product, ObjectNode ninjs) {
        TestNode.Answer a = node.post("/v1/items", editor, publishBody(ninjs, product));
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
        return a.json().get("id").asString();
    }

    private String publish(String editor, String product, ObjectNode ninjs, String translationOf) {
        TestNode.Answer a = node.post("/v1/items", editor, withTranslationOf(ninjs, product, translationOf));
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
        return a.json().get("id").asString();
    }

    private static String withTranslationOf(ObjectNode ninjs, String product, String translationOf) {
        ObjectNode body = (ObjectNode) ponte.formats.NinjsWriter.mapper().readTree(publishBody(ninjs, product));
        body.put("translationOf", translationOf);
        return body.toString();
    }
}

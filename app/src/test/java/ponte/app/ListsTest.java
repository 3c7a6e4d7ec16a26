package ponte.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ponte.app.TestNode.ninjs;
import static ponte.app.TestNode.publishBody;
import static ponte.app.TestNode.reviseBody;

import java.net.URLEncoder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import ponte.core.delivery.Schedule;
import ponte.delivery.DeliverySettings;
import tools.jackson.databind.JsonNode;

/**
 * Every list the OpenAPI document names (an operation answering a {@code ListPage}) answers the one shape and pages, on
 * a real node: {@code {"items":[…],"next":…}}, a page of one with a {@code next} and a {@code Link} to the next page that
 * keeps the request's other parameters, pages that together hold the whole list once each, a last page that says so
 * (null {@code next}, no Link), and a {@code limit} outside its range refused at /limit. Each list is arranged to hold at
 * least two elements for the owner's admin, so that there is a second page.
 */
class ListsTest {
    @TempDir
    static Path dataDir;
    static TestNode node;
    static Receiver receiver;
    static String admin;
    /** What each list's request names: its path with parameters filled, and any other query it keeps. */
    static Map<String, String> requests;

    @BeforeAll
    static void network() throws Exception {
        DeliverySettings delivery = DeliverySettings.defaults().allowingPrivate(true)
                .withSchedule(Schedule.parse("0,10,20")).withTimeout(Duration.ofSeconds(1)).withPoll(Duration.ofMillis(200));
        node = new TestNode(dataDir, Clock.systemUTC(), delivery);
        receiver = new Receiver();
        receiver.answer("/failing", 500);
        Networks.Keys keys = Networks.aNetwork(node)
                .agency("owner", "IT").withKey("admin").withKey("partner").withProducts("owner-news", "owner-video").licensedTo("party")
                .licensedTo("third", "owner-news")
                .agency("party", "KR").withKey("admin").withProducts("party-news").licensedTo("owner")
                .partner("third", "JP")
                .build();
        admin = keys.key("owner", "admin");
        String editor = keys.editor("owner");

        // Agreements: the owner's shorthand licence, and terms of its own in two versions.
        created(node.post("/v1/agreements", editor, terms("{\"id\": \"terms\", \"title\": \"First\", ")));
        ok(node.put("/v1/agreements/terms", editor, terms("{\"title\": \"Second\", ")));
        // Co-productions under those terms: two projects, the first in two versions.
        for (String id : List.of("joint", "second-joint")) {
            created(node.post("/v1/coproductions", editor, project(id, 50)));
        }
        ok(node.put("/v1/coproductions/joint", editor, project("joint", 60)));
        // Items: a story in three languages, the first revised; all findable as "harbour".
        String story = created(node.post("/v1/items", editor, publishBody(ninjs("it", "Harbour porto"), "owner-news")));
        ok(node.put("/v1/items/" + story, editor, reviseBody(ninjs("it", "Harbour porto, aggiornato"), "update")));
        for (String language : List.of("ko", "ja")) {
            created(node.post("/v1/translation-tasks", editor, "{\"item\": \"" + story + "\", \"language\": \"" + language + "\", \"assignee\": \"owner\"}"));
        }
        for (String language : List.of("en", "de")) {
            created(node.post("/v1/items", editor, "{\"ninjs\": " + ninjs(language, "Harbour " + language)
                    + ", \"products\": [\"owner-news\"], \"translationOf\": \"" + story + "\"}"));
        }
        // Endpoints: one delivering, one failing into dead letters, one more; the party's two items reach them.
        String delivering = created(node.post("/v1/endpoints", admin, "{\"url\": \"" + receiver.url("/ok") + "\"}"));
        String failing = created(node.post("/v1/endpoints", admin, "{\"url\": \"" + receiver.url("/failing") + "\"}"));
        created(node.post("/v1/endpoints", admin, "{\"url\": \"" + receiver.url("/paused") + "\"}"));
        for (String headline : List.of("Party one", "Party two")) {
            created(node.post("/v1/items", keys.editor("party"), publishBody(ninjs("ko", headline), "party-news")));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> node.get("/v1/endpoints/" + failing + "/dead-letters?limit=500", admin)
                .json().get("items").size() == 2 && receiver.delivered("/ok").size() == 2);
        // Sources whose feeds never answer while the test runs.
        for (String feed : List.of("/feed-1", "/feed-2")) {
            receiver.stall(feed);
            created(node.post("/v1/ingest/sources", editor, "{\"url\": \"" + receiver.url(feed)
                    + "\", \"format\": \"atom\", \"intervalSeconds\": 3600, \"products\": [\"owner-news\"]}"));
        }
        await().atMost(Duration.ofSeconds(20)).until(() ->
                node.get("/v1/search?q=harbour&limit=100", admin).json().get("items").size() == 3);
        requests = Map.ofEntries(
                Map.entry("/v1/orgs", ""), Map.entry("/v1/orgs/{org}/keys", "/v1/orgs/owner/keys"), Map.entry("/v1/audit", ""),
                Map.entry("/v1/products", ""), Map.entry("/v1/licences", ""), Map.entry("/v1/agreements", ""),
                Map.entry("/v1/agreements/{id}/versions", "/v1/agreements/terms/versions"),
                Map.entry("/v1/coproductions", ""), Map.entry("/v1/translation-tasks", ""), Map.entry("/v1/coproductions/{id}/versions", "/v1/coproductions/joint/versions"),
                Map.entry("/v1/endpoints", ""), Map.entry("/v1/endpoints/{id}/deliveries", "/v1/endpoints/" + delivering + "/deliveries"),
                Map.entry("/v1/endpoints/{id}/dead-letters", "/v1/endpoints/" + failing + "/dead-letters"),
                Map.entry("/v1/ingest/sources", ""), Map.entry("/v1/search", "/v1/search?q=harbour&sort=newest"),
                Map.entry("/v1/items/{id}/translations", "/v1/items/" + story + "/translations"),
                Map.entry("/v1/items/{id}/versions", "/v1/items/" + story + "/versions"),
                Map.entry("/v1/items/{id}/recipients", "/v1/items/" + story + "/recipients"));
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
        receiver.close();
    }

    @Test
    void theDocumentDescribesEveryListWithTheSharedShape() {
        assertThat(documentedLists()).as("every list answers ListPage; the feed alone answers FeedPage")
                .containsExactlyInAnyOrderElementsOf(requests.keySet());
    }

    @TestFactory
    Stream<DynamicTest> everyListAnswersTheOneShapeAndPagesWithoutSkippingOrRepeating() {
        return documentedLists().stream().map(template -> DynamicTest.dynamicTest(template, () -> walk(template)));
    }

    private static void walk(String template) {
        String request = requests.get(template);
        assertThat(request).as("a request for %s: arrange one in network()", template).isNotNull();
        String path = request.isEmpty() ? template : request;
        String separator = path.contains("?") ? "&" : "?";
        List<String> whole = identities(page(path + separator + "limit=100").json().get("items"));
        assertThat(whole).as("%s holds two elements or more, so it has a second page", template).hasSizeGreaterThanOrEqualTo(2);

        TestNode.Answer first = page(path + separator + "limit=1");
        String next = first.json().get("next").asString();
        assertThat(first.json().get("items")).hasSize(1);
        assertThat(first.header("Link")).isEqualTo("<" + path + separator + "limit=1&after=" + URLEncoder.encode(next, UTF_8) + ">; rel=\"next\"");

        List<String> walked = new ArrayList<>(identities(first.json().get("items")));
        TestNode.Answer answer = first;
        for (int pages = 1; !answer.json().get("next").isNull(); pages++) {
            assertThat(pages).as("%s ends", template).isLessThan(50);
            String link = answer.header("Link");
            answer = page(link.substring(1, link.indexOf('>')));
            walked.addAll(identities(answer.json().get("items")));
        }
        assertThat(answer.header("Link")).as("the last page links nowhere").isEmpty();
        assertThat(walked).as("%s page by page, against the whole list", template).containsExactlyElementsOf(whole);

        for (int limit : new int[] {0, maximum(template) + 1}) {
            TestNode.Answer refused = node.get(path + separator + "limit=" + limit, admin);
            assertThat(refused.status()).as("%s limit=%d", template, limit).isEqualTo(422);
            assertThat(refused.json().at("/errors/0/pointer").asString()).isEqualTo("/limit");
        }
    }

    /** A page, checked for the one shape: items and next, beside search's counts, nothing else. */
    private static TestNode.Answer page(String path) {
        TestNode.Answer a = node.get(path, admin);
        assertThat(a.status()).as(path + " " + a.raw().body()).isEqualTo(200);
        Set<String> members = new HashSet<>();
        a.json().propertyNames().forEach(members::add);
        assertThat(members).as(path).contains("items", "next");
        // Search adds its counts; the recipients list says which version and event its states speak of.
        members.removeAll(Set.of("items", "next", "total", "facets", "histogram", "version", "event"));
        assertThat(members).as("members beside items and next in %s", path).isEmpty();
        assertThat(a.json().get("items").isArray()).isTrue();
        assertThat(a.json().get("next").isNull() || a.json().get("next").isString()).isTrue();
        return a;
    }

    /** What tells one element from another in any list: its id, or its version, attempt or log entry. */
    private static List<String> identities(JsonNode items) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : items) {
            if (item.has("webhookId")) {
                out.add(item.get("webhookId").asString() + "#" + item.get("attempt").asInt());
            } else if (item.has("id")) {
                out.add(item.get("id").asString());
            } else if (item.has("partner")) {
                out.add(item.get("partner").asString());
            } else if (item.has("entry")) {
                out.add(item.get("entry").asString());
            } else {
                out.add("v" + item.get("version").asInt());
            }
        }
        return out;
    }

    /** Path templates of the documented GET operations whose answer is a ListPage. */
    private static List<String> documentedLists() {
        JsonNode document = node.get("/openapi.json", null).json();
        List<String> out = new ArrayList<>();
        document.get("paths").properties().forEach(path -> {
            String ref = path.getValue().path("get").path("responses").path("200").path("content").path("application/json")
                    .path("schema").path("$ref").asString("");
            JsonNode schema = document.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
            if (!ref.isEmpty() && schema.path("allOf").path(0).path("$ref").asString("").equals("#/components/schemas/ListPage")) {
                out.add(path.getKey());
            }
        });
        return out;
    }

    /** The most a page of the list holds, as the document says. */
    private static int maximum(String template) {
        JsonNode document = node.get("/openapi.json", null).json();
        for (JsonNode p : document.at("/paths/" + template.replace("~", "~0").replace("/", "~1") + "/get/parameters")) {
            JsonNode parameter = p.has("$ref") ? document.at(p.get("$ref").asString().substring(1)) : p;
            if (parameter.path("name").asString("").equals("limit")) {
                return parameter.at("/schema/maximum").asInt();
            }
        }
        throw new AssertionError(template + " documents no limit");
    }

    /** Terms between the owner and the party, the owner licensing its news; {@code head} opens the object. */
    private static String project(String id, int ownerShare) {
        return """
                {"id": "%s", "title": "Joint %s", "agreement": "terms", "framework": "coe-2017-bilateral",
                 "parties": [{"org": "owner", "function": "lead", "share": %d}, {"org": "party", "function": "co-producer", "share": %d}]}"""
                .formatted(id, id, ownerShare, 100 - ownerShare);
    }

    private static String terms(String head) {
        return head + """
                "parties": ["owner", "party"], "grants": [{"licensor": "owner", "licensee": "party", "products": ["owner-news"]}]}""";
    }

    private static String created(TestNode.Answer a) {
        ok(a);
        return a.json().get("id").asString();
    }

    private static void ok(TestNode.Answer a) {
        if (a.status() / 100 != 2) {
            throw new IllegalStateException("set-up: " + a.status() + " " + a.raw().body());
        }
    }
}

package ponte.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ponte.core.log.Cursor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** ?after= and ?limit= as every paged resource reads them: positions Ponte issued, whole numbers, refusals that point. */
class PagingTest {
    private static TestApi api;
    /** A list held whole, in no particular order: pages follow the order of its positions. */
    private static final List<String> LETTERS = List.of("e", "b", "g", "a", "d", "c", "f");

    @BeforeAll
    static void start() throws Exception {
        api = new TestApi(routes -> routes
                .add("GET", "/pages", x -> x.json(200, JsonNodeFactory.instance.objectNode()
                        .put("after", x.after().seq()).put("limit", x.intQuery("limit", 50))))
                .add("GET", "/letters", x -> Paging.send(x, Paging.of(x, LETTERS, letter -> letter),
                        letter -> JsonNodeFactory.instance.stringNode(letter))));
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @Test
    void withoutParametersAPageStartsAtTheBeginningWithTheDefaultLimit() throws Exception {
        JsonNode page = TestApi.json(api.get("/pages"));

        assertThat(page.get("after").asLong()).isZero();
        assertThat(page.get("limit").asInt()).isEqualTo(50);
    }

    @Test
    void aCursorPonteIssuedIsReadBack() throws Exception {
        JsonNode page = TestApi.json(api.get("/pages?after=" + new Cursor(123_456_789).encode() + "&limit=7"));

        assertThat(page.get("after").asLong()).isEqualTo(123_456_789);
        assertThat(page.get("limit").asInt()).isEqualTo(7);
    }

    @Test
    void anEmptyAfterStartsAtTheBeginning() throws Exception {
        assertThat(TestApi.json(api.get("/pages?after=")).get("after").asLong()).isZero();
    }

    @Test
    void aPositionPonteNeverIssuedIsRefusedAtAfter() throws Exception {
        for (String after : new String[] {"42", "c-1", "czzzzzzzzzzzzzzz", "c!"}) {
            HttpResponse<String> response = api.get("/pages?after=" + after);

            assertThat(response.statusCode()).as(after).isEqualTo(422);
            assertThat(TestApi.json(response).at("/errors/0/pointer").asString()).as(after).isEqualTo("/after");
        }
    }

    @Test
    void aLimitThatIsNotAWholeNumberIsRefusedAtLimit() throws Exception {
        HttpResponse<String> response = api.get("/pages?limit=ten");

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problem = TestApi.json(response);
        assertThat(problem.at("/errors/0/pointer").asString()).isEqualTo("/limit");
        assertThat(problem.at("/errors/0/detail").asString()).isEqualTo("limit must be a whole number");
    }

    @Test
    void aListIsReadInPagesThatNeitherSkipNorRepeatAndTheLastSaysSo() throws Exception {
        List<String> read = new ArrayList<>();
        String path = "/letters?limit=3";
        List<String> links = new ArrayList<>();
        for (int pages = 0; path != null && pages < 10; pages++) {
            HttpResponse<String> response = api.get(path);
            JsonNode page = TestApi.json(response);
            page.get("items").forEach(letter -> read.add(letter.asString()));
            String link = response.headers().firstValue("Link").orElse(null);
            links.add(link);
            path = page.get("next").isNull() ? null : link.substring(1, link.indexOf('>'));
            assertThat(page.has("next")).isTrue();
        }

        assertThat(read).containsExactly("a", "b", "c", "d", "e", "f", "g");
        assertThat(links).hasSize(3).last().isNull();
        assertThat(links.getFirst()).startsWith("</letters?limit=3&after=").endsWith(">; rel=\"next\"");
    }

    @Test
    void theNextLinkKeepsEveryOtherQueryParameterAsSent() throws Exception {
        HttpResponse<String> response = api.get("/letters?limit=2&q=caf%C3%A9+latte&after=" + Paging.encode("a"));

        String next = TestApi.json(response).get("next").asString();
        assertThat(response.headers().firstValue("Link")).hasValue("</letters?limit=2&q=caf%C3%A9+latte&after=" + next + ">; rel=\"next\"");
        assertThat(TestApi.json(response).get("items")).extracting(JsonNode::asString).containsExactly("b", "c");
    }

    @Test
    void aLimitOutsideOneToTheMostAPageHoldsIsRefusedAtLimit() throws Exception {
        for (String limit : new String[] {"0", "-1", "501"}) {
            HttpResponse<String> response = api.get("/letters?limit=" + limit);

            assertThat(response.statusCode()).as(limit).isEqualTo(422);
            assertThat(TestApi.json(response).at("/errors/0/detail").asString()).isEqualTo("limit must be between 1 and 500");
        }
        assertThat(TestApi.json(api.get("/letters?limit=500")).get("items")).hasSize(7);
    }

    @Test
    void aCursorThatIsNoPositionIsRefusedAtAfter() throws Exception {
        HttpResponse<String> response = api.get("/letters?after=not%20base64!");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(TestApi.json(response).at("/errors/0/pointer").asString()).isEqualTo("/after");
    }
}

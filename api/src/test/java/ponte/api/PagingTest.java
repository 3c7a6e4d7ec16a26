package ponte.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ponte.core.log.Cursor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** ?after= and ?limit= as every paged resource reads them: positions Ponte issued, whole numbers, refusals that point. */
class PagingTest {
    private static TestApi api;

    @BeforeAll
    static void start() throws Exception {
        api = new TestApi(routes -> routes.add("GET", "/pages", x -> x.json(200, JsonNodeFactory.instance.objectNode()
                .put("after", x.after().seq()).put("limit", x.intQuery("limit", 50)))));
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
}

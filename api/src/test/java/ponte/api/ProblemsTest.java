package ponte.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ponte.core.Conflict;
import ponte.core.Invalid;
import ponte.core.NotAllowed;
import ponte.core.NotFound;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Every refusal becomes an RFC 9457 problem (application/problem+json) in one place, each kind with its status and type. */
class ProblemsTest {
    private static TestApi api;

    @BeforeAll
    static void start() throws Exception {
        api = new TestApi(routes -> routes
                .add("GET", "/conflict", x -> {
                    throw new Conflict("the item was killed");
                })
                .add("GET", "/broken", x -> {
                    throw new IllegalStateException("connection refused: db-7.internal:5432");
                })
                .add("GET", "/mine", x -> x.json(200, JsonNodeFactory.instance.objectNode().put("caller", x.caller().toString())))
                .add("GET", "/query", x -> x.json(200, JsonNodeFactory.instance.objectNode().put("q", x.query("q").orElse(""))))
                .add("POST", "/json", x -> x.json(200, x.body(Members.of("any")))));
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static void assertProblem(Problems.Problem problem, int status, String slug, String title, String detail) {
        assertThat(problem.status()).isEqualTo(status);
        assertThat(problem.body().get("status").asInt()).isEqualTo(status);
        assertThat(problem.body().get("type").asString()).isEqualTo("/problems/" + slug);
        assertThat(problem.body().get("title").asString()).isEqualTo(title);
        assertThat(problem.body().get("detail").asString()).isEqualTo(detail);
    }

    @Test
    void invalidInputIsA422WithAPointerForEachViolation() {
        Problems.Problem problem = Problems.of(new Invalid(List.of(new Invalid.Violation("/grants/0/licensee", "licensee is required"),
                new Invalid.Violation("/validTo", "validTo must be an RFC 3339 time"))));

        assertProblem(problem, 422, "invalid", "Invalid input", "licensee is required");
        assertThat(problem.body().get("errors")).hasSize(2);
        assertThat(problem.body().at("/errors/0/pointer").asString()).isEqualTo("/grants/0/licensee");
        assertThat(problem.body().at("/errors/0/detail").asString()).isEqualTo("licensee is required");
        assertThat(problem.body().at("/errors/1/pointer").asString()).isEqualTo("/validTo");
    }

    @Test
    void eachCoreRefusalHasItsStatusAndType() {
        assertProblem(Problems.of(new NotFound("no such item")), 404, "not-found", "Not found", "no such item");
        assertProblem(Problems.of(new NotAllowed("editors only")), 403, "forbidden", "Forbidden", "editors only");
        assertProblem(Problems.of(new Conflict("the item was killed")), 409, "conflict", "Conflict", "the item was killed");
        assertThat(Problems.of(new NotFound("no such item")).body().has("errors")).isFalse();
    }

    @Test
    void anHttpRefusalKeepsItsStatusAndTitleAndTakesItsTypeFromTheTitle() {
        assertProblem(Problems.of(HttpError.badRequest("malformed JSON")), 400, "malformed-request", "Malformed request", "malformed JSON");
        assertProblem(Problems.of(HttpError.unauthenticated("unknown API key")), 401, "unauthenticated", "Unauthenticated", "unknown API key");
        assertProblem(Problems.of(new HttpError(406, "Not acceptable", "try JSON")), 406, "not-acceptable", "Not acceptable", "try JSON");
    }

    @Test
    void anUnexpectedFailureIsA503ThatSaysNothingWasAcknowledgedAndLeaksNothing() throws Exception {
        HttpResponse<String> response = api.get("/broken");

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode problem = TestApi.json(response);
        assertThat(problem.get("type").asString()).isEqualTo("/problems/unavailable");
        assertThat(problem.get("detail").asString()).contains("nothing was acknowledged").doesNotContain("db-7");
    }

    @Test
    void aRefusalIsSentAsProblemJson() throws Exception {
        HttpResponse<String> response = api.get("/conflict");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=utf-8");
        assertThat(TestApi.json(response).get("detail").asString()).isEqualTo("the item was killed");
    }

    @Test
    void aRequestWithoutAKeyOrWithAnUnknownOneIsA401() throws Exception {
        HttpResponse<String> none = api.get("/mine");
        HttpResponse<String> unknown = api.send(api.request("/mine").header("Authorization", "Bearer nobody-has-this"));
        HttpResponse<String> basic = api.send(api.request("/mine").header("Authorization", "Basic dXNlcjpwYXNz"));

        assertThat(List.of(none.statusCode(), unknown.statusCode(), basic.statusCode())).containsOnly(401);
        assertThat(TestApi.json(unknown).get("detail").asString()).isEqualTo("unknown API key");
        assertThat(TestApi.json(basic).get("detail").asString()).isEqualTo("only Bearer keys are accepted");
    }

    @Test
    void theOperatorsBootstrapKeyOpensTheApi() throws Exception {
        HttpResponse<String> response = api.send(api.request("/mine").header("Authorization", "Bearer " + TestApi.OPERATOR_KEY));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsA400() throws Exception {
        for (String body : new String[] {"{\"unclosed\": ", "[1, 2]", ""}) {
            HttpResponse<String> response = api.send(api.request("/json").POST(HttpRequest.BodyPublishers.ofString(body)));

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(TestApi.json(response).get("type").asString()).isEqualTo("/problems/malformed-request");
        }
    }

    @Test
    void aBodyOverTheLimitIsA413() throws Exception {
        // Asked as a client sending a large body should, with Expect: 100-continue, on a socket of its own: the refusal
        // comes before the body is sent. (The JDK client, tired of waiting for a 100, may send the body anyway, which
        // the server then reads as a next request's headers: a 431 that raced the 413, seen under load.)
        long length = Exchange.MAX_BODY + 12L;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", api.api().port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /json HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + length + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 413 ");
            assertThat(answer).contains("/problems/content-too-large");
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
        assertThat(TestApi.json(response).get("status").asInt()).isEqualTo(status);
        assertThat(TestApi.json(response).get("type").asString()).startsWith("/problems/");
    }

    @Test
    void aPathJettyWillNotResolveIsAProblemNotAnHtmlPage() throws Exception {
        assertProblem(api.get("/query/%2e%2e/%2e%2e/json"), 400);
    }

    @Test
    void headersTooLargeAreAProblemToo() throws Exception {
        assertProblem(api.send(api.request("/query").header("X-Padding", "p".repeat(64 * 1024)).GET()), 431);
    }

    @Test
    void aQueryStringThatIsNotUtf8IsMalformedNotAServerFailure() throws Exception {
        HttpResponse<String> response = api.get("/query?q=c%00%ff");

        assertProblem(response, 400);
        assertThat(TestApi.json(response).get("detail").asString()).contains("UTF-8");
    }

    @Test
    void aMemberTheBodyDoesNotDefineIsRefusedAtItsPointer() throws Exception {
        HttpResponse<String> response = api.send(api.request("/json").POST(HttpRequest.BodyPublishers.ofString("{\"any\": 1, \"anz\": 2}")));

        assertProblem(response, 422);
        assertThat(TestApi.json(response).at("/errors/0/pointer").asString()).isEqualTo("/anz");
    }

    @Test
    void everyProblemTypePonteAnswersWithHasAPageAtItsTypeUri() throws Exception {
        try (TestApi pages = new TestApi(new ProblemsResource())) {
            java.util.Set<String> slugs = new java.util.TreeSet<>();
            for (int status = 400; status < 600; status++) {
                slugs.add(slugOf(Problems.status(status, "refused")));
            }
            for (Throwable failure : List.of(new Invalid("/a", "bad"), new ponte.core.NotFound("none"), new ponte.core.NotAllowed("no"),
                    new Conflict("taken"), new IllegalStateException("bug"), HttpError.badRequest("bad"), HttpError.unauthenticated("who"),
                    new HttpError(413, "Content too large", "big"), new HttpError(405, "Method not allowed", "no"),
                    new HttpError(406, "Not acceptable", "no"), new HttpError(418, "A title of no catalogue", "teapot"))) {
                slugs.add(slugOf(Problems.of(failure)));
            }
            ProblemTypes.all().forEach(t -> slugs.add(t.slug()));

            for (String slug : slugs) {
                HttpResponse<String> page = pages.get("/problems/" + slug);
                assertThat(page.statusCode()).as(slug).isEqualTo(200);
                assertThat(page.headers().firstValue("content-type").orElse("")).as(slug).startsWith("text/html");
                assertThat(page.body()).as(slug).contains("/problems/" + slug);
            }
            assertThat(pages.get("/problems/no-such-problem").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void theApiDocumentNamesExactlyTheProblemTypesThatHavePages() throws Exception {
        JsonNode document;
        try (java.io.InputStream in = ProblemsTest.class.getResourceAsStream("/ponte/api/openapi.json")) {
            document = ponte.formats.NinjsWriter.mapper().readTree(in);
        }
        List<String> documented = new java.util.ArrayList<>();
        document.at("/components/schemas/Problem/properties/type/enum").forEach(t -> documented.add(t.asString()));

        assertThat(documented).containsExactlyInAnyOrderElementsOf(ProblemTypes.all().stream().map(t -> Problems.TYPE_BASE + t.slug()).toList());
    }

    private static String slugOf(Problems.Problem problem) {
        String type = problem.body().get("type").asString();
        assertThat(type).startsWith(Problems.TYPE_BASE);
        return type.substring(Problems.TYPE_BASE.length());
    }
}

package ponte.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/** Method and path templates to handlers: what matches, what a path parameter reads, and 404 and 405 as problems. */
class RoutingTest {
    private static TestApi api;

    @BeforeAll
    static void start() throws Exception {
        api = new TestApi(routes -> routes
                .add("GET", "/things", x -> x.json(200, JsonNodeFactory.instance.objectNode().put("list", true)))
                .add("POST", "/things", x -> x.json(201, JsonNodeFactory.instance.objectNode().put("created", true)))
                .add("GET", "/things/{id}", x -> x.json(200, JsonNodeFactory.instance.objectNode().put("id", x.path("id"))))
                .add("DELETE", "/things/{id}", Exchange::noContent)
                .add("GET", "/things/{id}/parts", x -> x.json(200, JsonNodeFactory.instance.objectNode().put("partsOf", x.path("id"))))
                .add("GET", "/things/latest", x -> x.json(200, JsonNodeFactory.instance.objectNode().put("latest", true)))
                .add("GET", "/other", x -> x.json(200, JsonNodeFactory.instance.objectNode().put("other", true))));
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @Test
    void theRoutesAreListedAsRegistered() {
        assertThat(api.api().routes()).containsExactly(new HttpApi.Route("GET", "/things"), new HttpApi.Route("POST", "/things"),
                new HttpApi.Route("GET", "/things/{id}"), new HttpApi.Route("DELETE", "/things/{id}"),
                new HttpApi.Route("GET", "/things/{id}/parts"), new HttpApi.Route("GET", "/things/latest"), new HttpApi.Route("GET", "/other"));
    }

    @Test
    void theRouteAddedFirstAnswersAPathTwoTemplatesMatch() throws Exception {
        assertThat(TestApi.json(api.get("/things/latest")).get("id").asString()).isEqualTo("latest");
        assertThat(TestApi.json(api.get("/other")).get("other").asBoolean()).isTrue();
        assertThat(api.send(api.request("/other").method("HEAD", HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(200);
        assertThat(api.send(api.request("/other").DELETE()).statusCode()).isEqualTo(405);
    }

    @Test
    void aPathParameterIsReadDecoded() throws Exception {
        HttpResponse<String> response = api.get("/things/caff%C3%A8%20latte");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TestApi.json(response).get("id").asString()).isEqualTo("caffè latte");
    }

    @Test
    void aPlusInAPathIsAPlusNotASpace() throws Exception {
        HttpResponse<String> response = api.get("/things/a+b%2Bc");

        assertThat(TestApi.json(response).get("id").asString()).isEqualTo("a+b+c");
    }

    @Test
    void theMethodPicksTheRouteOnOnePath() throws Exception {
        assertThat(api.send(api.request("/things").POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(201);
        assertThat(api.send(api.request("/things/a").DELETE()).statusCode()).isEqualTo(204);
        assertThat(TestApi.json(api.get("/things/a/parts")).get("partsOf").asString()).isEqualTo("a");
    }

    @Test
    void aTrailingSlashNamesTheSameResource() throws Exception {
        assertThat(TestApi.json(api.get("/things/")).get("list").asBoolean()).isTrue();
    }

    @Test
    void headIsAnsweredByTheGetRouteWithoutABody() throws Exception {
        HttpResponse<String> response = api.send(api.request("/things/a").method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void aPathNoRouteHasIsA404Problem() throws Exception {
        HttpResponse<String> response = api.get("/nothing/here");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(TestApi.json(response).get("type").asString()).isEqualTo("/problems/not-found");
    }

    @Test
    void anEmptyPathParameterMatchesNothing() {
        // Jetty refuses "//" itself (400) before any handler; the table refuses it too, for any caller of find().
        Routes routes = new Routes().add("GET", "/things/{id}/parts", x -> {});
        Set<String> allowed = routes.newAllowed();

        assertThat(routes.find("GET", "/things//parts", allowed)).isEmpty();
        assertThat(allowed).isEmpty();
    }

    @Test
    void aMethodThePathDoesNotHaveIsA405NamingTheMethodsItHas() throws Exception {
        HttpResponse<String> response = api.send(api.request("/things/a").PUT(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, DELETE");
        assertThat(TestApi.json(response).get("type").asString()).isEqualTo("/problems/method-not-allowed");
        assertThat(TestApi.json(response).get("title").asString()).isEqualTo("Method not allowed");
        assertThat(TestApi.json(response).get("status").asInt()).isEqualTo(405);
    }
}

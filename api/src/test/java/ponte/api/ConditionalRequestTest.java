package ponte.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Entity tags on per-caller representations: a client holding the current tag gets 304 and no body (RFC 9110 13.1.2). */
class ConditionalRequestTest {
    private static final String TAG = "\"5e2a-77\"";
    private static TestApi api;

    @BeforeAll
    static void start() throws Exception {
        api = new TestApi(routes -> routes.add("GET", "/tagged", x -> {
            if (x.notModified(TAG)) {
                return;
            }
            x.send(200, "text/plain", "the representation".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }));
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static HttpResponse<String> get(String ifNoneMatch) throws Exception {
        return api.send(api.request("/tagged").header("If-None-Match", ifNoneMatch));
    }

    @Test
    void aFirstReadGetsTheBodyWithItsTagAndPrivateRevalidation() throws Exception {
        HttpResponse<String> response = api.get("/tagged");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("the representation");
        assertThat(response.headers().firstValue("ETag")).hasValue(TAG);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
        assertThat(response.headers().firstValue("Vary")).hasValue("Accept, Authorization");
    }

    @Test
    void theCurrentTagGetsNotModifiedWithTheTagAndNoBody() throws Exception {
        HttpResponse<String> response = get(TAG);

        assertThat(response.statusCode()).isEqualTo(304);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("ETag")).hasValue(TAG);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
    }

    @Test
    void theTagMatchesWeaklyInAListAndAsAStar() throws Exception {
        assertThat(get("W/" + TAG).statusCode()).isEqualTo(304);
        assertThat(get("\"older\", " + TAG).statusCode()).isEqualTo(304);
        assertThat(get("*").statusCode()).isEqualTo(304);
    }

    @Test
    void anotherTagGetsTheBody() throws Exception {
        assertThat(get("\"older\"").statusCode()).isEqualTo(200);
        assertThat(get("\"5e2a-77").statusCode()).isEqualTo(200);
        assertThat(get("\"5e2a-77\"x").statusCode()).isEqualTo(200);
    }
}

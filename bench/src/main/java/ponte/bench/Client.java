package ponte.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The one HTTP client every harness uses, so Ponte and its references are measured by the same code. */
final class Client {
    /** A non-2xx answer: the status and the start of the problem+json body, for the report. */
    static final class Unexpected extends IOException {
        Unexpected(String request, HttpResponse<byte[]> response) {
            super(request + " -> " + response.statusCode() + " " + snippet(response.body()));
        }

        private static String snippet(byte[] body) {
            String text = new String(body, StandardCharsets.UTF_8);
            return text.length() > 300 ? text.substring(0, 300) + "..." : text;
        }
    }

    // HTTP/1.1: Ponte serves no h2c, and an upgrade attempt on every new connection would only add noise.
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;

    Client(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpResponse<byte[]> post(String path, String key, String json) throws IOException, InterruptedException {
        return expect2xx("POST " + path, http.send(request(path, key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    HttpResponse<byte[]> get(String pathAndQuery, String key) throws IOException, InterruptedException {
        return expect2xx("GET " + pathAndQuery, http.send(request(pathAndQuery, key).GET().build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    HttpResponse<byte[]> delete(String path, String key) throws IOException, InterruptedException {
        return expect2xx("DELETE " + path, http.send(request(path, key).DELETE().build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    private HttpRequest.Builder request(String path, String key) {
        // Every network call has a timeout: a stuck request must show up as an error, not as a hung benchmark.
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        return key == null ? request : request.header("Authorization", "Bearer " + key); // the management port takes no key
    }

    private static HttpResponse<byte[]> expect2xx(String request, HttpResponse<byte[]> response) throws Unexpected {
        if (response.statusCode() / 100 != 2) {
            throw new Unexpected(request, response);
        }
        return response;
    }
}

package ponte.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ponte.core.access.IssuedKey;
import ponte.core.access.Key;
import ponte.core.access.KeyId;
import ponte.core.access.KeyPosition;
import ponte.core.access.Keys;
import ponte.core.access.NewKey;
import ponte.core.orgs.OrgId;
import ponte.formats.NinjsWriter;
import tools.jackson.databind.JsonNode;

/** A real {@link HttpApi} on a random port serving the resources a test gives it, with a small client. */
final class TestApi implements AutoCloseable {
    static final String OPERATOR_KEY = "operator-key";

    /** A key store in which nobody has a key yet: only the operator's bootstrap key opens the API. */
    private static final Keys NO_KEYS = new Keys() {
        @Override
        public IssuedKey issue(NewKey key) {
            throw new UnsupportedOperationException("no keys are issued in these tests");
        }

        @Override
        public Optional<Key> bySecret(String secret) {
            return Optional.empty();
        }

        @Override
        public List<Key> of(OrgId org, Optional<KeyPosition> after, int limit) {
            return List.of();
        }

        @Override
        public boolean revoke(OrgId org, KeyId id) {
            return false;
        }

        @Override
        public void used(Map<KeyId, Instant> lastUses) {
            throw new UnsupportedOperationException("no key is ever used in these tests");
        }
    };

    private final HttpApi api;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TestApi(Resource... resources) throws Exception {
        this(ClientAddresses.DIRECT, resources);
    }

    /** An API that takes its clients' addresses as {@code addresses} says (behind trusted proxies). */
    TestApi(ClientAddresses addresses, Resource... resources) throws Exception {
        api = new HttpApi(List.of(resources), new Authenticator(NO_KEYS, OPERATOR_KEY, Clock.systemUTC(), addresses), "127.0.0.1", 0).start();
    }

    HttpApi api() {
        return api;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).timeout(Duration.ofSeconds(10));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    static JsonNode json(HttpResponse<String> response) {
        return NinjsWriter.mapper().readTree(response.body());
    }

    @Override
    public void close() throws Exception {
        api.close();
    }
}

package ponte.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import ponte.core.Invalid;
import ponte.core.access.Caller;
import ponte.core.log.Cursor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** One request and its response, with what handlers need: path and query parameters, the JSON body, the caller. */
final class Exchange {
    /** Items are documents, not uploads: 2 MiB is far above any ninjs text item and bounds what one request can cost. */
    static final int MAX_BODY = 2 * 1024 * 1024;
    /**
     * The largest body a route reads whole: what an idempotent request's fingerprint reads at most (documents to
     * import, media and backfills are streamed, and fingerprinted by their headers).
     */
    static final int LARGEST_BODY = MAX_BODY;

    final Request request;
    final Response response;
    final Callback callback;
    private final Map<String, String> pathParams;
    private final Authenticator authenticator;
    private final ObjectMapper mapper;
    private QueryParameters query;
    private boolean answered;
    private boolean streamed;
    private Authenticated authenticated;
    private HttpError refusal;
    private byte[] body;
    private Consumer<Answer> witness;

    Exchange(Request request, Response response, Callback callback, Map<String, String> pathParams, Authenticator authenticator, ObjectMapper mapper) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.pathParams = pathParams;
        this.authenticator = authenticator;
        this.mapper = mapper;
    }

    String path(String name) {
        return pathParams.get(name);
    }

    Optional<String> query(String name) {
        if (query == null) {
            query = queryParameters();
        }
        Optional<String> value = query.first(name).filter(v -> !v.isEmpty());
        if (value.isPresent() && !JsonInput.isText(value.get())) {
            throw new Invalid("/" + name, name + " " + JsonInput.NOT_TEXT);
        }
        return value;
    }

    private QueryParameters queryParameters() {
        return QueryParameters.of(request.getHttpURI().getQuery());
    }

    /** ?after=: where a page of the log starts, as a cursor Ponte issued (else a refusal at /after); the start if absent. */
    Cursor after() {
        return Cursor.parse("after", query("after").orElse(null));
    }

    int intQuery(String name, int fallback) {
        Optional<String> raw = query(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.get());
        } catch (NumberFormatException e) {
            throw new Invalid("/" + name, name + " must be a whole number");
        }
    }

    Caller caller() {
        return authenticated().caller();
    }

    /** The request's key, asked of the authenticator once per request (the rate limit, idempotency and the handler share it). */
    Authenticated authenticated() {
        if (refusal != null) {
            throw refusal;
        }
        if (authenticated == null) {
            try {
                authenticated = authenticator.identify(request);
            } catch (HttpError e) {
                refusal = e;
                throw e;
            }
        }
        return authenticated;
    }

    /** The request's key if it sent a valid one; empty without a key or with one that opens nothing (then a handler's 401). */
    Optional<Authenticated> bearer() {
        if (request.getHeaders().get(HttpHeader.AUTHORIZATION) == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(authenticated());
        } catch (HttpError refused) {
            return Optional.empty();
        }
    }

    /**
     * The body as a JSON object with only these members, or an empty object when the request has none (for actions
     * whose body is optional).
     */
    JsonNode optionalBody(Members members) {
        byte[] bytes = readBody();
        return bytes.length == 0 ? mapper.createObjectNode() : checked(parse(bytes), members);
    }

    /**
     * The body as a JSON object with only these members: malformed or oversized input is a 400, an unknown member a
     * 422 at its pointer, before anything else happens.
     */
    JsonNode body(Members members) {
        byte[] bytes = readBody();
        if (bytes.length == 0) {
            throw HttpError.badRequest("a JSON body is required");
        }
        return checked(parse(bytes), members);
    }

    private static JsonNode checked(JsonNode body, Members members) {
        members.check(body);
        JsonInput.requireText(body);
        return body;
    }

    private byte[] readBody() {
        return rawBody(MAX_BODY);
    }

    /**
     * The body as bytes, up to {@code max} (an uploaded document may be larger than a JSON request). Read once and
     * kept: an idempotent request's fingerprint reads it before its handler does.
     */
    byte[] rawBody(int max) {
        long declared = request.getLength();
        if (declared > max || body != null && body.length > max) {
            throw new HttpError(413, "Content too large", "request bodies are limited to " + max + " bytes");
        }
        if (body != null) {
            return body;
        }
        byte[] bytes;
        try (InputStream in = Request.asInputStream(request)) {
            bytes = in.readNBytes(max + 1);
        } catch (IOException e) {
            throw HttpError.badRequest("could not read the request body: " + e.getMessage());
        }
        if (bytes.length > max) {
            throw new HttpError(413, "Content too large", "request bodies are limited to " + max + " bytes");
        }
        body = bytes;
        return bytes;
    }

    /**
     * The body as it arrives, for an upload streamed to storage in constant memory (never read into a byte array);
     * its length as declared, -1 when chunked, in {@link #declaredLength()}.
     */
    java.nio.channels.ReadableByteChannel bodyChannel() {
        return java.nio.channels.Channels.newChannel(Request.asInputStream(request));
    }

    long declaredLength() {
        return request.getLength();
    }

    private JsonNode parse(byte[] bytes) {
        try {
            JsonNode node = mapper.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw HttpError.badRequest("the body must be a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw HttpError.badRequest("malformed JSON: " + e.getOriginalMessage());
        }
    }

    void header(HttpHeader name, String value) {
        response.getHeaders().put(name, value);
    }

    void header(String name, String value) {
        response.getHeaders().put(name, value);
    }

    void json(int status, JsonNode body) {
        send(status, "application/json", mapper.writeValueAsBytes(body));
    }

    void problem(Problems.Problem problem) {
        send(problem.status(), "application/problem+json", mapper.writeValueAsBytes(problem.body()));
    }

    void send(int status, String contentType, byte[] bytes) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType.contains("charset") || !contentType.contains("json") && !contentType.startsWith("text") ? contentType : contentType + ";charset=utf-8");
        write(status, bytes);
    }

    /** Answers again what an earlier request under the same Idempotency-Key was answered: its status, headers and body. */
    void replay(Answer answer) {
        answer.headers().forEach(h -> response.getHeaders().add(h.name(), h.value()));
        header("Idempotent-Replayed", "true");
        write(answer.status(), answer.body());
    }

    private void write(int status, byte[] bytes) {
        answered = true;
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        if (witness != null) {
            witness.accept(Answer.of(status, response.getHeaders(), bytes));
        }
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /** Shows {@code witness} the answer (status, headers, body) just before it is sent. */
    void witness(Consumer<Answer> witness) {
        this.witness = witness;
    }

    /** Starts a streamed response: the status and type are set, the body is written by the handler as it goes. */
    void streaming(int status, String contentType) {
        answered = true;
        streamed = true;
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    }

    /**
     * Tags a representation made for this caller and answers 304 Not Modified (the headers, no body: RFC 9110 section
     * 15.4.5) when the request's If-None-Match names the tag. Per-caller content: no shared cache may keep it, private
     * caches revalidate, which the tag makes cheap. Returns whether it answered; if not, the handler sends the body.
     */
    boolean notModified(String etag) {
        header(HttpHeader.ETAG, etag);
        header(HttpHeader.CACHE_CONTROL, "private, no-cache");
        header(HttpHeader.VARY, "Accept, Authorization");
        if (!Etags.matches(requestHeader(HttpHeader.IF_NONE_MATCH), etag)) {
            return false;
        }
        answered = true;
        response.setStatus(304);
        callback.succeeded();
        return true;
    }

    /** 204 No Content. */
    void noContent() {
        answered = true;
        response.setStatus(204);
        if (witness != null) {
            witness.accept(Answer.of(204, response.getHeaders(), new byte[0]));
        }
        callback.succeeded();
    }

    String requestHeader(HttpHeader name) {
        return request.getHeaders().get(name);
    }

    /** scheme://host[:port] as the client addressed this server, for absolute links in Atom, RSS and NewsML-G2. */
    String base() {
        var uri = request.getHttpURI();
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    boolean answered() {
        return answered;
    }

    /** Whether the answer was streamed as it was made (it cannot be kept for a retry). */
    boolean streamed() {
        return streamed;
    }
}

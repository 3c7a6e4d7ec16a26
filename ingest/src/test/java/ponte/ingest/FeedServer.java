package ponte.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Another agency's web server on loopback: documents with validators (answering a matching conditional GET with 304),
 * redirects, errors and stalls, by path; it records what each request asked.
 */
final class FeedServer implements AutoCloseable {
    /** What a request asked for: its path and its conditional headers. */
    record Request(String path, Optional<String> ifNoneMatch, Optional<String> ifModifiedSince) {}

    static final String ATOM = "application/atom+xml";

    static {
        // Without it the JDK's server delays every response by 40 ms (Nagle against delayed ACKs).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** A document with an ETag and a Last-Modified; a request that already has this ETag is answered 304. */
    FeedServer document(String path, String contentType, String body, String etag, String lastModified) {
        routes.put(path, x -> {
            x.getResponseHeaders().add("ETag", etag);
            x.getResponseHeaders().add("Last-Modified", lastModified);
            if (etag.equals(x.getRequestHeaders().getFirst("If-None-Match"))) {
                x.sendResponseHeaders(304, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", contentType);
            x.sendResponseHeaders(200, bytes.length);
            x.getResponseBody().write(bytes);
        });
        return this;
    }

    FeedServer redirect(String path, int status, String location) {
        routes.put(path, x -> {
            x.getResponseHeaders().add("Location", location);
            x.sendResponseHeaders(status, -1);
        });
        return this;
    }

    FeedServer status(String path, int status) {
        routes.put(path, x -> x.sendResponseHeaders(status, -1));
        return this;
    }

    /** Accepts the request and says nothing for this long. */
    FeedServer stall(String path, Duration silence) {
        routes.put(path, x -> {
            try {
                Thread.sleep(silence);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            x.sendResponseHeaders(204, -1);
        });
        return this;
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            requests.add(new Request(path, Optional.ofNullable(x.getRequestHeaders().getFirst("If-None-Match")),
                    Optional.ofNullable(x.getRequestHeaders().getFirst("If-Modified-Since"))));
            HttpHandler route = routes.get(path);
            if (route == null) {
                x.sendResponseHeaders(404, -1);
            } else {
                route.handle(x);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

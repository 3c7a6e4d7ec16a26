package ponte.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import ponte.formats.NinjsWriter;
import tools.jackson.databind.ObjectMapper;

/** The HTTP server: one Jetty core handler dispatching to the v1 resources, on virtual threads. */
public final class HttpApi implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;
    private final List<Route> routes;

    /** A route as registered: its method and its path template ("/v1/items/{id}"). */
    public record Route(String method, String template) {}

    /**
     * The web UI's pages: a handler that answers the paths {@code paths} accepts (and may decline some of them). A
     * request for any other path goes straight to the API: an API request used to pass through the pages' compression
     * and decline first, a tenth of a feed request's time in the handler.
     */
    public record Pages(Handler handler, Predicate<String> paths) {}

    /**
     * @param resources     every part of the API, each built with the use cases it calls
     * @param authenticator who each request's key belongs to
     */
    public HttpApi(List<Resource> resources, Authenticator authenticator, String host, int port) {
        this(resources, authenticator, RateLimiter.off(), Optional.empty(), host, port);
    }

    /**
     * @param limiter     rate limits per key and per client address, taken before anything else runs
     * @param idempotency Idempotency-Key on POST, when the node keeps keys
     */
    public HttpApi(List<Resource> resources, Authenticator authenticator, RateLimiter limiter, Optional<Idempotency> idempotency, String host,
                   int port) {
        this(resources, authenticator, limiter, idempotency, Optional.empty(), host, port);
    }

    /**
     * @param pages the web UI, asked first for the paths that are its own; the API never sees a request it answered
     */
    public HttpApi(List<Resource> resources, Authenticator authenticator, RateLimiter limiter, Optional<Idempotency> idempotency,
                   Optional<Pages> pages, String host, int port) {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("ponte-http");
        // Handlers block on the database; virtual threads make that cheap without an async style.
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server = new Server(threads);
        connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        Routes table = new Routes();
        resources.forEach(resource -> resource.register(table));
        routes = table.all();
        Handler api = new Dispatcher(table, authenticator, limiter, idempotency, NinjsWriter.mapper());
        server.setHandler(pages.<Handler>map(p -> new PagesFirst(compressed(p.handler()), p.paths(), api)).orElse(api));
        server.setErrorHandler(new JettyRefusals(NinjsWriter.mapper()));
        server.setStopTimeout(5_000);
    }

    /**
     * Pages go gzip-compressed to browsers that accept it: a desk or dashboard page with its map is tens of kilobytes
     * of markup, often read far away. The API's bodies stay as they are: its clients measure and cache them byte for
     * byte (ETags, ranges), and a feed reader that wants compression sits behind its own proxy.
     */
    private static Handler compressed(Handler pages) {
        GzipHandler gzip = new GzipHandler();
        gzip.setIncludedMimeTypes("text/html", "text/css", "text/javascript", "application/javascript", "image/svg+xml", "text/csv");
        gzip.setMinGzipSize(1024);
        gzip.setHandler(pages);
        return gzip;
    }

    /** Every route this API answers, in the order registered (the OpenAPI document must describe each one). */
    public List<Route> routes() {
        return routes;
    }

    public HttpApi start() throws Exception {
        server.start();
        return this;
    }

    public int port() {
        return connector.getLocalPort();
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } catch (java.util.concurrent.TimeoutException stillOpen) {
            if (stillOpen.getSuppressed().length > 0) {
                throw stillOpen; // something else failed to stop as well: that is not the bound at work
            }
            // The grace period ended with a request still open (a client holding a stream it no longer reads): Jetty
            // has stopped the connectors and handlers anyway, cutting it, which is what the bound is for.
            org.slf4j.LoggerFactory.getLogger(HttpApi.class).warn("the HTTP server stopped after {} ms with a request still open, which it cut",
                    server.getStopTimeout());
        }
    }

    /** The pages, then the API, for the pages' paths; the API alone for every other path. */
    private static final class PagesFirst extends Handler.Sequence {
        private final Predicate<String> pagePaths;
        private final Handler api;

        PagesFirst(Handler pages, Predicate<String> pagePaths, Handler api) {
            super(pages, api);
            this.pagePaths = pagePaths;
            this.api = api;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            return pagePaths.test(Request.getPathInContext(request)) ? super.handle(request, response, callback) : api.handle(request, response, callback);
        }
    }

    private static final class Dispatcher extends Handler.Abstract {
        private final Routes routes;
        private final Authenticator authenticator;
        private final RateLimiter limiter;
        private final Optional<Idempotency> idempotency;
        private final ObjectMapper mapper;

        Dispatcher(Routes routes, Authenticator authenticator, RateLimiter limiter, Optional<Idempotency> idempotency, ObjectMapper mapper) {
            this.routes = routes;
            this.authenticator = authenticator;
            this.limiter = limiter;
            this.idempotency = idempotency;
            this.mapper = mapper;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Set<String> allowed = routes.newAllowed();
            String path = Request.getPathInContext(request);
            Optional<Routes.Match> match = routes.find(request.getMethod(), path, allowed);
            Exchange exchange = new Exchange(request, response, callback, match.map(Routes.Match::params).orElse(java.util.Map.of()), authenticator, mapper);
            try {
                limiter.admit(exchange, path); // before anything that costs: unknown paths count too
                if (match.isEmpty()) {
                    if (allowed.isEmpty()) {
                        throw new ponte.core.NotFound("no resource at " + path);
                    }
                    exchange.header(HttpHeader.ALLOW, String.join(", ", allowed));
                    throw new HttpError(405, "Method not allowed", request.getMethod() + " is not allowed here; allowed: " + allowed);
                }
                for (String param : match.get().params().values()) {
                    if (!JsonInput.isText(param)) {
                        throw new ponte.core.NotFound("no resource at " + path); // nothing Ponte stores is named so
                    }
                }
                if (idempotency.isPresent()) {
                    idempotency.get().run(exchange, match.get().handler());
                } else {
                    match.get().handler().handle(exchange);
                }
            } catch (Throwable failure) {
                if (exchange.answered()) {
                    callback.failed(failure);
                } else {
                    exchange.problem(Problems.of(failure));
                }
            }
            return true;
        }
    }
}

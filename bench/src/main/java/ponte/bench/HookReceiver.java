package ponte.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The webhook receiver every push benchmark sends to, Ponte and the reference alike: a Jetty core handler on loopback
 * that reads the body and answers 204. Paths can be made to stall (never answer until the receiver stops) or to fail
 * half of their requests with 500. Counts 2xx answers per path and when the first one for a path arrived, and tells
 * a listener, if one is set, of every request it answers 2xx (its webhook-id, and when it arrived).
 */
final class HookReceiver implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;
    private final Map<String, LongAdder> delivered = new ConcurrentHashMap<>();
    private final Map<String, Long> firstAt = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();
    private final Set<String> stalled = ConcurrentHashMap.newKeySet();
    private final Set<String> flaky = ConcurrentHashMap.newKeySet();
    private final List<Callback> held = new CopyOnWriteArrayList<>();
    private final AtomicLong seed = new AtomicLong(42);
    private volatile BiConsumer<String, Long> arrivals = (webhookId, at) -> {};

    HookReceiver() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(400);
        threads.setName("bench-receiver");
        server = new Server(threads);
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setAcceptQueueSize(8192);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String path = Request.getPathInContext(request);
                String webhookId = request.getHeaders().get("webhook-id");
                Content.Source.consumeAll(request, Callback.from(() -> answer(path, webhookId, response, callback), callback::failed));
                return true;
            }
        });
        server.start();
    }

    private void answer(String path, String webhookId, Response response, Callback callback) {
        if (stalled.contains(path)) {
            held.add(callback); // never answered: the sender's timeout ends it
            return;
        }
        if (flaky.contains(path) && new SplittableRandom(seed.incrementAndGet()).nextBoolean()) {
            response.setStatus(500);
            response.write(true, null, callback);
            return;
        }
        long at = System.nanoTime(); // the whole request, body included, has arrived
        delivered.computeIfAbsent(path, p -> new LongAdder()).increment();
        firstAt.putIfAbsent(path, at);
        if (webhookId != null) {
            arrivals.accept(webhookId, at);
        }
        total.increment();
        response.setStatus(204);
        response.write(true, null, callback);
    }

    String url(String path) {
        return "http://127.0.0.1:" + connector.getLocalPort() + path;
    }

    /** From now on, {@code listener} is told of each request answered 2xx: its webhook-id and System.nanoTime of arrival. */
    void onArrival(BiConsumer<String, Long> listener) {
        arrivals = listener;
    }

    void stall(String path) {
        stalled.add(path);
    }

    void flaky(String path) {
        flaky.add(path);
    }

    long delivered(String path) {
        LongAdder n = delivered.get(path);
        return n == null ? 0 : n.sum();
    }

    long total() {
        return total.sum();
    }

    /** System.nanoTime of the first 2xx on each path. */
    Map<String, Long> firstArrivals() {
        return Map.copyOf(firstAt);
    }

    void reset() {
        delivered.clear();
        firstAt.clear();
        total.reset();
        stalled.clear();
        flaky.clear();
        held.forEach(Callback::succeeded);
        held.clear();
    }

    @Override
    public void close() throws Exception {
        reset();
        server.stop();
    }
}

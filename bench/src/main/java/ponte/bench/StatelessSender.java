package ponte.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import ponte.core.delivery.Secret;
import ponte.delivery.Signer;

/**
 * The reference for every push benchmark: the least a webhook sender can do. JDK HttpClient on virtual threads, one
 * thread per endpoint, one request in flight each; it signs each request (Standard Webhooks) but keeps no state: no
 * cursor, no attempt log, no retries, nothing durable. Ponte's pusher does all of that on top.
 */
final class StatelessSender {
    private static final Secret SECRET = new Secret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(15))
            .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()).build();

    /** Sends {@code perEndpoint} requests to each url, each url on its own virtual thread; returns the 2xx answers. */
    long send(List<String> urls, int perEndpoint, byte[] body) throws InterruptedException {
        LongAdder ok = new LongAdder();
        List<Thread> threads = new ArrayList<>();
        for (int e = 0; e < urls.size(); e++) {
            String url = urls.get(e);
            int endpoint = e;
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < perEndpoint; i++) {
                    if (post(url, "msg_ref_" + endpoint + "_" + i, body)) {
                        ok.increment();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return ok.sum();
    }

    boolean post(String url, String id, byte[] body) {
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", Signer.signature(SECRET, id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

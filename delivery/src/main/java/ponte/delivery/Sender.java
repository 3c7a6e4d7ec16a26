package ponte.delivery;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import ponte.core.delivery.Attempt;
import ponte.core.delivery.EndpointId;
import ponte.core.delivery.Secret;
import ponte.core.log.Cursor;
import ponte.core.log.FeedEntry;
import ponte.outbound.AddressGuard;

/**
 * Makes one signed webhook request and reports what happened as an {@link Attempt}. Jetty's HTTP client: it lets
 * the SSRF guard be the resolver (the checked address is the connected one), never follows redirects when told so,
 * and keeps a bounded pool of connections per receiver host.
 */
final class Sender implements AutoCloseable {
    static final String USER_AGENT = "Ponte-Webhooks/0.1";

    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;

    Sender(AddressGuard guard, DeliverySettings settings, Clock clock) {
        this.timeout = settings.timeout();
        this.clock = clock;
        client = guard.client("ponte-webhooks", c -> {
            // Standard Webhooks: a redirect is not a delivery.
            c.setFollowRedirects(false);
            c.setConnectTimeout(settings.timeout().toMillis());
            c.setMaxConnectionsPerDestination(settings.connectionsPerHost());
            c.setMaxRequestsQueuedPerDestination(1 << 20);
            c.setUserAgentField(new org.eclipse.jetty.http.HttpField(HttpHeader.USER_AGENT, USER_AGENT));
            c.setIdleTimeout(60_000);
        });
    }

    /**
     * POSTs the payload as it was rendered, its media type as Content-Type. Besides Standard Webhooks' headers, every
     * request names its entry in {@code Ponte-Cursor} and {@code Ponte-Event}: a NewsML-G2 body has no envelope to say
     * so, and receivers of any format can route or deduplicate before parsing. They repeat what the signed parts say
     * (the webhook-id ends with the cursor; the body states the event), so they need no signature of their own.
     */
    Attempt send(EndpointId endpoint, String url, FeedEntry feedEntry, String webhookId, int number, List<Secret> secrets,
                 Payloads.Rendered payload) {
        Cursor entry = feedEntry.cursor();
        byte[] body = payload.body();
        Instant at = clock.instant();
        long timestamp = at.getEpochSecond();
        String signature = Signer.header(secrets, webhookId, timestamp, body);
        long started = System.nanoTime();
        Capped listener = new Capped();
        try {
            client.newRequest(url)
                    .method(HttpMethod.POST)
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .headers(h -> h.put("webhook-id", webhookId).put("webhook-timestamp", Long.toString(timestamp))
                            .put("webhook-signature", signature)
                            .put("Ponte-Cursor", entry.encode()).put("Ponte-Event", feedEntry.event().wire()))
                    .body(new BytesRequestContent(payload.mediaType(), body))
                    .send(listener);
            Result result = listener.done.get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            int status = result.getResponse() == null ? 0 : result.getResponse().getStatus();
            if (result.getFailure() != null && !(result.getFailure() instanceof Capped.TooLong) || status == 0) {
                return new Attempt(endpoint, entry, webhookId, number, at, Optional.empty(), latency, Optional.of(describe(result.getFailure())));
            }
            Optional<String> error = status / 100 == 2 ? Optional.empty() : Optional.of("HTTP " + status + listener.snippet());
            return new Attempt(endpoint, entry, webhookId, number, at, Optional.of(status), latency, error);
        } catch (ExecutionException | TimeoutException e) {
            return new Attempt(endpoint, entry, webhookId, number, at, Optional.empty(), Duration.ofNanos(System.nanoTime() - started),
                    Optional.of(describe(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while delivering", e);
        } catch (IllegalArgumentException e) {
            return new Attempt(endpoint, entry, webhookId, number, at, Optional.empty(), Duration.ZERO, Optional.of("bad url: " + e.getMessage()));
        }
    }

    private static String describe(Throwable failure) {
        if (failure == null) {
            return "no response";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = root instanceof TimeoutException ? "timed out" : root.getClass().getSimpleName();
        return root.getMessage() == null ? what : what + ": " + root.getMessage();
    }

    /** Reads the response up to {@link DeliverySettings#RESPONSE_LIMIT} bytes, keeps the start for the attempt log, then stops. */
    private static final class Capped implements Response.Listener {
        static final class TooLong extends Exception {
            TooLong() {
                super("response body over " + DeliverySettings.RESPONSE_LIMIT + " bytes", null, false, false);
            }
        }

        final CompletableFuture<Result> done = new CompletableFuture<>();
        private final ByteBuffer start = ByteBuffer.allocate(256);
        private long read;

        @Override
        public void onContent(Response response, ByteBuffer content) {
            read += content.remaining();
            while (content.hasRemaining() && start.hasRemaining()) {
                start.put(content.get());
            }
            if (read > DeliverySettings.RESPONSE_LIMIT) {
                response.abort(new TooLong());
            }
        }

        @Override
        public void onComplete(Result result) {
            done.complete(result);
        }

        String snippet() {
            if (start.position() == 0) {
                return "";
            }
            String text = new String(start.array(), 0, start.position(), StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
            return text.isEmpty() ? "" : ": " + text;
        }
    }

    @Override
    public void close() throws Exception {
        client.stop();
    }
}

package ponte.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ponte.core.access.IdempotencyKeys;
import ponte.core.access.IdempotentRequest;

/**
 * {@code Idempotency-Key} on POST (draft-ietf-httpapi-idempotency-key-header-06): the first request under a key runs
 * and its answer is kept; a retry with the same key, method, path and body gets that answer again (marked
 * {@code Idempotent-Replayed: true}) instead of a second agreement, endpoint or item. The same key with another
 * request is a 422; a retry while the first still runs, a 409 (the draft's section 2.7). Keys belong to the API key
 * that sent them, live in the shared database (every node sees them) and are forgotten after the retention.
 *
 * <p>Which answers are kept: every 2xx and 4xx the request itself produced, as the draft has it (a retry gets "the
 * same response", refusals included: fix the request, then send it under a new key). 5xx answers are not kept, so a
 * retry after Ponte failed runs afresh; nor are refusals made before the request was claimed (401 and 429 come first,
 * and the 400, 409 and 422 of this class itself).
 */
public final class Idempotency implements AutoCloseable {
    static final String HEADER = "Idempotency-Key";
    /**
     * An unanswered claim older than this was left by a node that died mid-request: a retry takes it over and runs.
     * Far above any request's running time (the slowest, a large document import, takes seconds).
     */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(Idempotency.class);

    private final IdempotencyKeys keys;
    private final Duration retention;
    private final Clock clock;
    private final AnswerSeal seal;
    private final ScheduledExecutorService pruner =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("ponte-idempotency-pruner").daemon().factory());

    /** @param retention how long after its first use a key is remembered (the draft suggests at least 24 hours) */
    public Idempotency(IdempotencyKeys keys, Duration retention, Clock clock, SecureRandom random) {
        this.keys = keys;
        this.retention = retention;
        this.clock = clock;
        this.seal = new AnswerSeal(random);
        pruner.scheduleWithFixedDelay(this::pruneQuietly, PRUNE_EVERY.toMillis(), PRUNE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs the handler, or answers for it when the request's Idempotency-Key was used before. */
    void run(Exchange x, Routes.Handler handler) throws Exception {
        List<String> sent = "POST".equals(x.request.getMethod()) ? x.request.getHeaders().getValuesList(HEADER) : List.of();
        if (sent.isEmpty()) {
            handler.handle(x);
            return;
        }
        String key = parse(sent);
        Authenticated by = x.authenticated();
        IdempotentRequest request = new IdempotentRequest(by.keyId(), key, fingerprint(x, handler));
        Instant now = clock.instant();
        switch (keys.claim(request, now, now.minus(ABANDONED_AFTER))) {
            case IdempotencyKeys.Granted granted -> {
                x.witness(answer -> keep(request, by, answer));
                try {
                    handler.handle(x);
                } finally {
                    if (x.streamed()) {
                        keys.release(request); // a streamed answer (an upload's NDJSON progress) is not kept: a retry runs afresh
                    }
                }
            }
            case IdempotencyKeys.InFlight inFlight -> {
                x.header(HttpHeader.RETRY_AFTER, "1");
                throw new HttpError(409, "Idempotency key in use", "a request with this Idempotency-Key is still being processed; retry shortly");
            }
            case IdempotencyKeys.Mismatch mismatch -> throw reused();
            case IdempotencyKeys.Answered answered -> x.replay(seal.open(answered.sealed(), by, key).orElseThrow(Idempotency::reused));
        }
    }

    /** The header's one value: a Structured Field string (RFC 8941, {@code "…"}) as the draft defines it, or the bare key. */
    static String parse(List<String> sent) {
        if (sent.size() > 1) {
            throw HttpError.badRequest("send one " + HEADER + " header, not " + sent.size());
        }
        String value = sent.getFirst().strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        if (!IdempotentRequest.isKey(value)) {
            throw HttpError.badRequest(HEADER + " must be 1 to " + IdempotentRequest.MAX_KEY_LENGTH
                    + " printable ASCII characters (a UUID, say)");
        }
        return value;
    }

    private static HttpError reused() {
        return new HttpError(422, "Idempotency key reused",
                "this Idempotency-Key was first sent with a different request (method, path or body); use a new key for a new request");
    }

    /**
     * What makes two requests the same request: method, path with query, and body (SHA-256). A streamed upload is not
     * read ahead (it may be gigabytes): its declared length, type and Content-Digest stand for its bytes.
     */
    private static String fingerprint(Exchange x, Routes.Handler handler) {
        byte[] body = handler instanceof Routes.Streaming
                ? (x.declaredLength() + "\n" + x.requestHeader(HttpHeader.CONTENT_TYPE) + "\n" + x.request.getHeaders().get("Content-Digest"))
                        .getBytes(StandardCharsets.UTF_8)
                : x.rawBody(Exchange.LARGEST_BODY);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String query = x.request.getHttpURI().getQuery();
            sha.update((x.request.getMethod() + " " + Request.getPathInContext(x.request) + (query == null ? "" : "?" + query) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Keeps the request's answer for its retries, or frees the key when Ponte failed (5xx) so that a retry runs. */
    private void keep(IdempotentRequest request, Authenticated by, Answer answer) {
        try {
            if (answer.status() >= 500) {
                keys.release(request);
            } else {
                keys.answer(request, answer.status(), seal.seal(answer, by, request.idempotencyKey()));
            }
        } catch (RuntimeException e) {
            // The request was carried out (or refused) as its answer says; only its record is missing. The key stays
            // claimed until ABANDONED_AFTER, then a retry runs again.
            LOG.warn("could not record the answer to an idempotent request; a retry after {} runs it again", ABANDONED_AFTER, e);
        }
    }

    /** Forgets the keys first used longer ago than the retention; returns how many. */
    public int prune() {
        return keys.forget(clock.instant().minus(retention));
    }

    private void pruneQuietly() {
        try {
            int forgotten = prune();
            LOG.debug("forgot {} idempotency keys older than {}", forgotten, retention);
        } catch (RuntimeException e) {
            LOG.warn("could not prune idempotency keys; retrying in {}", PRUNE_EVERY, e);
        }
    }

    /** Stops the pruner without interrupting it: an interrupt inside an H2 call can close the database file. */
    @Override
    public void close() {
        pruner.shutdown();
        try {
            if (!pruner.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("the idempotency key pruner did not finish within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

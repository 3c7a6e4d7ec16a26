package ponte.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ponte.core.access.KeyId;
import ponte.core.access.Keys;

/**
 * When keys were last used, recorded without a database write per request: a key's use is noted at most once a minute
 * on this node, and the noted uses are written in one batch every couple of seconds by a thread of their own.
 */
final class KeyUses implements AutoCloseable {
    /** How stale a key's {@code lastUsedAt} may be, per node. */
    static final Duration RESOLUTION = Duration.ofMinutes(1);
    private static final Duration WRITE_EVERY = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(KeyUses.class);

    private final Keys keys;
    /** Keys whose use was noted within the last {@link #RESOLUTION}: their further uses are not noted again. */
    private final Cache<KeyId, Instant> noted = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(RESOLUTION).build();
    private final ConcurrentMap<KeyId, Instant> unwritten = new ConcurrentHashMap<>();
    private final ScheduledExecutorService writer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("ponte-key-uses").daemon().factory());

    KeyUses(Keys keys) {
        this.keys = keys;
        writer.scheduleWithFixedDelay(this::write, WRITE_EVERY.toMillis(), WRITE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * On the request path: a lock-free cache read, and once a minute per key an insert.
     *
     * @return until when further uses of the key need not be noted (its last noted use plus {@link #RESOLUTION})
     */
    Instant note(KeyId key, Instant at) {
        Instant before = noted.getIfPresent(key);
        if (before == null) {
            before = noted.asMap().putIfAbsent(key, at);
            if (before == null) {
                unwritten.merge(key, at, KeyUses::later);
                before = at;
            }
        }
        return before.plus(RESOLUTION);
    }

    private void write() {
        Map<KeyId, Instant> batch = new HashMap<>();
        for (KeyId key : unwritten.keySet()) {
            Instant at = unwritten.remove(key);
            if (at != null) {
                batch.put(key, at);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            keys.used(batch);
        } catch (RuntimeException e) {
            // Kept for the next round: last use is a hint for admins, worth a retry but never a failed request.
            batch.forEach((key, at) -> unwritten.merge(key, at, KeyUses::later));
            LOG.warn("could not record when {} keys were last used; retrying in {} s", batch.size(), WRITE_EVERY.toSeconds(), e);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Stops the writer without interrupting it (it may be inside a database call), then writes what is left. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("the key-use writer did not finish within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        write();
    }
}

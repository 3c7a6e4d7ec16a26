package ponte.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Request;

/**
 * Rate limits, per API key and, for requests without a valid key, per client address: a token bucket for each
 * (Bucket4j), in this node's memory. With several nodes behind a load balancer each node counts its own share.
 *
 * <p>Every limited answer says where its caller stands, in the fields of draft-ietf-httpapi-ratelimit-headers-09
 * (Structured Fields): {@code RateLimit-Policy: "key";q=5000;w=10} (the bucket holds q requests and refills in w
 * seconds) and {@code RateLimit: "key";r=4321;t=2} (r requests left now, the bucket full again in t seconds). A
 * request over the limit is a 429 problem with {@code Retry-After}: the seconds until the next request is allowed.
 */
public final class RateLimiter {
    /** Probes of load balancers and orchestrators: asked often from one address, and cheap. (The management port has no limits.) */
    private static final Set<String> EXEMPT = Set.of("/health", "/ready");
    /** Far above the keys and addresses one node hears from within a bucket's refill time; bounds memory under a flood. */
    private static final int PARTITIONS = 100_000;

    /** One kind of partition (keys, addresses) and its buckets. */
    private static final class Policy {
        final String name;
        final RateLimit limit;
        final PreEncodedHttpField header;
        final Cache<String, Bucket> buckets;
        final TimeMeter time;

        Policy(String name, RateLimit limit, TimeMeter time) {
            this.name = '"' + name + '"';
            this.limit = limit;
            this.time = time;
            this.header = new PreEncodedHttpField("RateLimit-Policy", this.name + ";q=" + limit.burst() + ";w=" + limit.windowSeconds());
            // A bucket left alone for its refill time is full, as a new one would be: forgetting it changes nothing.
            this.buckets = Caffeine.newBuilder().maximumSize(PARTITIONS).expireAfterAccess(Duration.ofSeconds(limit.windowSeconds())).build();
        }

        Bucket bucket(String partition) {
            return buckets.get(partition, p -> Bucket.builder().withCustomTimePrecision(time)
                    .addLimit(l -> l.capacity(limit.burst()).refillGreedy(limit.perSecond(), Duration.ofSeconds(1))).build());
        }
    }

    private final Optional<Policy> perKey;
    private final Optional<Policy> perAddress;
    private final ClientAddresses addresses;

    /**
     * @param clock     the node's clock, best the system's own (not a ticking wrapper): it is read on every request
     * @param addresses who a request without a key comes from (behind a trusted proxy, the client it names)
     */
    public RateLimiter(ApiSettings settings, Clock clock, ClientAddresses addresses) {
        this.addresses = addresses;
        TimeMeter time = new ClockTime(clock);
        this.perKey = settings.perKey().map(l -> new Policy("key", l, time));
        this.perAddress = settings.perAddress().map(l -> new Policy("address", l, time));
    }

    /** No limits (the management port, tests of other things). */
    static RateLimiter off() {
        return new RateLimiter(ApiSettings.defaults().withoutRateLimits(), Clock.systemUTC(), ClientAddresses.DIRECT);
    }

    /** Takes one request from its caller's bucket and says so in the answer's headers; a 429 when the bucket is empty. */
    void admit(Exchange x, String path) {
        if (perKey.isEmpty() && perAddress.isEmpty() || !path.startsWith("/v1/") && EXEMPT.contains(path)) {
            return;
        }
        Optional<Authenticated> key = x.bearer();
        Optional<Policy> policy = key.isPresent() ? perKey : perAddress;
        if (policy.isEmpty()) {
            return;
        }
        Policy p = policy.get();
        ConsumptionProbe probe = p.bucket(key.isPresent() ? key.get().keyId() : address(x.request)).tryConsumeAndReturnRemaining(1);
        x.response.getHeaders().add(p.header);
        x.header("RateLimit", p.name + ";r=" + probe.getRemainingTokens() + ";t=" + seconds(probe.getNanosToWaitForReset()));
        if (!probe.isConsumed()) {
            long retry = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
            x.header(HttpHeader.RETRY_AFTER, Long.toString(retry));
            throw new HttpError(429, "Too many requests", "more than " + p.limit.perSecond() + " requests a second (bursts up to "
                    + p.limit.burst() + ") from this " + (key.isPresent() ? "key" : "address") + "; retry in " + retry + " s");
        }
    }

    /** The client's address; an IPv6 client by its /64, the block one subscriber usually holds whole (RFC 6177). */
    private String address(Request request) {
        Optional<InetAddress> client = addresses.client(request);
        if (client.isEmpty()) {
            return String.valueOf(request.getConnectionMetaData().getRemoteSocketAddress());
        }
        if (client.get() instanceof Inet6Address v6) {
            return HexFormat.of().formatHex(v6.getAddress(), 0, 8) + "::/64";
        }
        return client.get().getHostAddress();
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    /**
     * Bucket4j's time from the node's clock, so tests can move it; in milliseconds, which the system clock reads
     * without making an Instant (profiled: the Instant was a third of the limiter's cost on the feed's 304 path).
     */
    private record ClockTime(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            return clock.millis() * 1_000_000L;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}

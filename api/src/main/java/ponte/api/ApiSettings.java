package ponte.api;

import java.time.Duration;
import java.util.Optional;

/**
 * How the API guards itself: rate limits per API key and per client address (none when empty), and how long an
 * Idempotency-Key is remembered.
 */
public record ApiSettings(Optional<RateLimit> perKey, Optional<RateLimit> perAddress, Duration idempotencyRetention) {
    /**
     * Generous: far above what one honest client sends (a partner polling its feed, an editor's ingest), so the limits
     * stop only runaways and floods; operators tighten them.
     */
    public static final RateLimit DEFAULT_PER_KEY = new RateLimit(500, 5_000);
    /** Requests without a valid key (the OpenAPI document, the docs page, failed keys) come from people and probes. */
    public static final RateLimit DEFAULT_PER_ADDRESS = new RateLimit(50, 500);
    /** The draft's suggestion: keys live at least a day, long enough for any client's retries. */
    public static final Duration DEFAULT_IDEMPOTENCY_RETENTION = Duration.ofHours(24);

    public ApiSettings {
        if (idempotencyRetention.isNegative() || idempotencyRetention.isZero()) {
            throw new IllegalArgumentException("the idempotency retention must be positive");
        }
    }

    public static ApiSettings defaults() {
        return new ApiSettings(Optional.of(DEFAULT_PER_KEY), Optional.of(DEFAULT_PER_ADDRESS), DEFAULT_IDEMPOTENCY_RETENTION);
    }

    /** No rate limits at all (benchmarks that measure Ponte's own work). */
    public ApiSettings withoutRateLimits() {
        return new ApiSettings(Optional.empty(), Optional.empty(), idempotencyRetention);
    }

    public ApiSettings withRateLimits(Optional<RateLimit> perKey, Optional<RateLimit> perAddress) {
        return new ApiSettings(perKey, perAddress, idempotencyRetention);
    }
}

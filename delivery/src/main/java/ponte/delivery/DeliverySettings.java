package ponte.delivery;

import java.time.Duration;
import ponte.core.delivery.Retention;
import ponte.core.delivery.Retrying;
import ponte.core.delivery.Schedule;

/**
 * How push delivery runs. Tests shrink the schedule, the timeout and the waits; production keeps the defaults.
 *
 * @param schedule        when the attempts on one entry are made
 * @param timeout         for a whole request, connect to last byte (Standard Webhooks receivers should answer fast)
 * @param disableAfter    an endpoint failing without a success for this long is disabled
 * @param poll            how often an idle endpoint looks at the log even without a signal (the fallback)
 * @param heartbeat       how often the live stream sends a comment to keep proxies from closing it
 * @param allowPrivate    whether endpoints may resolve to loopback or private addresses (never to metadata, link-local,
 *                        multicast or unspecified ones)
 * @param connectionsPerHost connections the pusher keeps open to one receiver host (endpoints on one host share them)
 * @param retention       how long delivery attempts and dead letters are kept (reach facts are kept for good)
 */
public record DeliverySettings(Schedule schedule, Duration timeout, Duration disableAfter, Duration poll, Duration heartbeat,
                               boolean allowPrivate, int connectionsPerHost, Duration retention) {
    /** Response bodies are read up to this many bytes; receivers are meant to answer with a status, not a document. */
    public static final int RESPONSE_LIMIT = 4096;

    /**
     * How many of an endpoint's outcomes may still be committing while its next entry is sent (still one request in
     * flight). Waiting for each commit would put a commit's latency into every delivery; overlapping them lets the
     * journal commit many outcomes at once. The price: after a crash, up to this many entries more are sent again,
     * with the same webhook-ids. Measured in docs/benchmarks.md.
     */
    public static final int UNCONFIRMED_OUTCOMES = 16;

    public static DeliverySettings defaults() {
        // Workers are woken when an entry is routed to their org; polling is only the fallback, so it can be slow.
        return new DeliverySettings(Schedule.DEFAULT, Duration.ofSeconds(15), Retrying.DISABLE_AFTER, Duration.ofSeconds(30),
                Duration.ofSeconds(15), false, 256, Retention.DEFAULT);
    }

    public DeliverySettings allowingPrivate(boolean allow) {
        return new DeliverySettings(schedule, timeout, disableAfter, poll, heartbeat, allow, connectionsPerHost, retention);
    }

    public DeliverySettings withSchedule(Schedule s) {
        return new DeliverySettings(s, timeout, disableAfter, poll, heartbeat, allowPrivate, connectionsPerHost, retention);
    }

    public DeliverySettings withTimeout(Duration t) {
        return new DeliverySettings(schedule, t, disableAfter, poll, heartbeat, allowPrivate, connectionsPerHost, retention);
    }

    public DeliverySettings withDisableAfter(Duration d) {
        return new DeliverySettings(schedule, timeout, d, poll, heartbeat, allowPrivate, connectionsPerHost, retention);
    }

    public DeliverySettings withPoll(Duration p) {
        return new DeliverySettings(schedule, timeout, disableAfter, p, heartbeat, allowPrivate, connectionsPerHost, retention);
    }

    public DeliverySettings withRetention(Duration r) {
        return new DeliverySettings(schedule, timeout, disableAfter, poll, heartbeat, allowPrivate, connectionsPerHost, r);
    }

    public DeliverySettings withHeartbeat(Duration h) {
        return new DeliverySettings(schedule, timeout, disableAfter, poll, h, allowPrivate, connectionsPerHost, retention);
    }
}

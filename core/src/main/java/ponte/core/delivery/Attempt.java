package ponte.core.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import ponte.core.log.Cursor;

/**
 * One HTTP request made to an endpoint: when, for which entry, what came back ({@code status} is empty when no
 * response did: a refused connection, a timeout) and how long it took.
 */
public record Attempt(EndpointId endpoint, Cursor entry, String webhookId, int number, Instant at,
                      Optional<Integer> status, Duration latency, Optional<String> error) {
    /** Standard Webhooks: any 2xx means the receiver has the message. */
    public boolean delivered() {
        return status.isPresent() && status.get() >= 200 && status.get() < 300;
    }

    /** 410 Gone: the receiver says this endpoint no longer exists. */
    public boolean gone() {
        return status.isPresent() && status.get() == 410;
    }

    /** What went wrong, in words, for the dead letter and the disabled reason. */
    public String problem() {
        return error.orElseGet(() -> status.map(s -> "HTTP " + s).orElse("no response"));
    }
}

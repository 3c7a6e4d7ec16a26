package ponte.core.campaigns;

import java.time.Instant;
import java.util.Objects;

/**
 * A player's sign that its viewer is watching a live event, as kept: the event, the minute and the viewer's hash under
 * the day's salt ({@link DailySalt}); no address, no user agent, no session id.
 */
public record Heartbeat(String event, Instant at, String viewer) {
    public Heartbeat {
        Objects.requireNonNull(event);
        Objects.requireNonNull(at);
        Objects.requireNonNull(viewer);
    }
}

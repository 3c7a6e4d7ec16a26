package ponte.core.campaigns;

import java.time.Instant;
import java.util.SortedMap;

/** Port: heartbeats as kept, once per (event, minute, viewer) (written by the node's heartbeat journal). */
public interface Heartbeats {
    /** Distinct viewers per minute (the minute's start) of the event. */
    SortedMap<Instant, Long> perMinute(String event);

    /** Distinct viewers of the whole event. */
    long viewers(String event);
}

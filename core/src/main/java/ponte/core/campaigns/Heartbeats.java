package ponte.core.campaigns;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

/** Port: heartbeats, kept once per (event, minute, viewer). */
public interface Heartbeats {
    /** One transaction: when it returns, every heartbeat of the batch is kept. */
    void record(List<Heartbeat> beats);

    /** Distinct viewers per minute (the minute's start) of the event. */
    SortedMap<Instant, Long> perMinute(String event);

    /** Distinct viewers of the whole event. */
    long viewers(String event);
}

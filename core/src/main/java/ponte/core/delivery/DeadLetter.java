package ponte.core.delivery;

import java.time.Instant;
import ponte.core.items.Event;
import ponte.core.items.ItemId;
import ponte.core.log.Cursor;

/** An entry an endpoint did not take after every attempt of the schedule: kept until its org re-sends it. */
public record DeadLetter(EndpointId endpoint, Cursor entry, ItemId item, int version, Event event,
                         int attempts, Instant at, String lastError) {}

package ponte.delivery;

import ponte.core.delivery.Attempt;
import ponte.core.delivery.Endpoint;
import ponte.core.log.FeedEntry;

/** Told of every request a worker makes for an entry of its endpoint's line: what operators' metrics are made of. */
@FunctionalInterface
public interface DeliveryObserver {
    DeliveryObserver NONE = (endpoint, entry, attempt) -> {};

    void attempted(Endpoint endpoint, FeedEntry entry, Attempt attempt);
}

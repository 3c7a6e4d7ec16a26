package ponte.app;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import ponte.core.delivery.EndpointId;
import ponte.core.delivery.Leases;
import ponte.core.licensing.Route;
import ponte.core.log.Feeds;
import ponte.core.log.LogEntry;
import ponte.core.log.LogTail;
import ponte.core.log.Tail;
import ponte.core.orgs.OrgId;
import ponte.delivery.DeliverySettings;
import ponte.delivery.LeaseKeeper;
import ponte.delivery.Payloads;
import ponte.delivery.Pusher;
import ponte.outbound.AddressGuard;

/**
 * Push delivery on this node: the pusher, the live tail that wakes it and the streams, and, when several nodes share
 * the database, the lease keeper that decides which endpoints this node delivers.
 */
record Pushing(Pusher pusher, Tail live, Optional<LeaseKeeper> leaseKeeper) implements AutoCloseable {

    static Pushing build(Stores stores, Feeds feeds, Payloads payloads, LogTail tail, Optional<Leases> leases, AddressGuard guard,
                         DeliverySettings delivery, NodeMetrics metrics, Clock clock) {
        Pusher pusher = new Pusher(stores.endpoints(), stores.deliveries(), feeds, payloads, guard, delivery, clock, metrics::attempted);
        metrics.waiting(pusher::waiting);
        Tail live = new Tail();
        live.follow(pusher);
        // Fed from the log tail, not the local writer: on Kafka, entries appended on any node wake pushers and streams here.
        tail.subscribe(entry -> live.appended(entry.cursor(), routedOrgs(entry)));
        return new Pushing(pusher, live, leases.map(l -> new LeaseKeeper(l, pusher)));
    }

    private static Set<OrgId> routedOrgs(LogEntry entry) {
        return entry.routes().stream().map(Route::partner).collect(Collectors.toSet());
    }

    /** Told when an endpoint was created or changed through this node: with leases, a new one is claimed here first. */
    Consumer<EndpointId> endpointChanged() {
        return leaseKeeper.<Consumer<EndpointId>>map(keeper -> keeper).orElse(pusher);
    }

    void start() {
        leaseKeeper.ifPresentOrElse(LeaseKeeper::start, pusher::start); // the only node delivers every endpoint
    }

    @Override
    public void close() throws Exception {
        if (leaseKeeper.isPresent()) {
            leaseKeeper.get().close();
        }
        pusher.close();
    }
}

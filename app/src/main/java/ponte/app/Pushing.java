package ponte.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import ponte.core.delivery.EndpointId;
import ponte.core.delivery.Leases;
import ponte.core.log.Feeds;
import ponte.core.log.Tail;
import ponte.delivery.DeliverySettings;
import ponte.delivery.LeaseKeeper;
import ponte.delivery.Payloads;
import ponte.delivery.Pusher;
import ponte.outbound.AddressGuard;

/**
 * Push delivery on this node: the pusher, woken by the node's tail, and, when several nodes share
 * the database, the lease keeper that decides which endpoints this node delivers.
 */
record Pushing(Pusher pusher, Optional<LeaseKeeper> leaseKeeper) implements AutoCloseable {

    /** @param tail the node's tail: entries committed on any node wake the workers of the orgs they were routed to */
    static Pushing build(Stores stores, Feeds feeds, Payloads payloads, Tail tail, Optional<Leases> leases, AddressGuard guard,
                         DeliverySettings delivery, NodeMetrics metrics, Clock clock) {
        Pusher pusher = new Pusher(stores.endpoints(), stores.deliveries(), feeds, tail, payloads, guard, delivery, clock, metrics::attempted);
        metrics.waiting(() -> pusher.waiting().values());
        return new Pushing(pusher, leases.map(l -> new LeaseKeeper(l, pusher)));
    }

    /** Told when an endpoint was created or changed through this node: with leases, a new one is claimed here first. */
    Consumer<EndpointId> endpointChanged() {
        return leaseKeeper.<Consumer<EndpointId>>map(keeper -> keeper).orElse(pusher);
    }

    /** The threads delivering and keeping leases now. */
    List<Thread> threads() {
        List<Thread> all = new ArrayList<>(pusher.threads());
        leaseKeeper.ifPresent(keeper -> all.add(keeper.thread()));
        return all;
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

package ponte.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ponte.core.Pacer;
import ponte.core.delivery.EndpointId;
import ponte.core.delivery.Leases;

/**
 * Which endpoints this node's {@link Pusher} delivers when several nodes share one database: every few seconds it
 * renews and balances this node's leases and hands the pusher what it holds. A node that cannot reach the database for
 * longer than it would take its leases to expire stops delivering, so two nodes never push to one endpoint at once; a
 * dead node's endpoints are claimed by survivors within the TTL plus one round (under 20 s). Stopped by its
 * {@link Pacer}, never interrupted: a round is a database transaction.
 */
public final class LeaseKeeper implements Consumer<EndpointId>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);
    static final Duration TTL = Duration.ofSeconds(15);
    static final Duration EVERY = Duration.ofSeconds(3);

    private final Leases leases;
    private final Pusher pusher;
    private final String node = UUID.randomUUID().toString();
    private final Pacer pacer = new Pacer();
    private final Thread thread;

    public LeaseKeeper(Leases leases, Pusher pusher) {
        this.leases = leases;
        this.pusher = pusher;
        this.thread = Thread.ofVirtual().name("ponte-endpoint-leases").unstarted(this::keep);
    }

    /** Starts the pusher with the endpoints this node gets leases of now, and keeps the leases from then on. */
    public LeaseKeeper start() {
        pusher.startLeased();
        balance();
        thread.start();
        return this;
    }

    /** An endpoint was created or changed through this node: a new one is claimed here at once, if nobody holds it. */
    @Override
    public void accept(EndpointId id) {
        if (leases.claim(node, id, Instant.now(), TTL)) {
            Set<EndpointId> held = new HashSet<>(pusher.running());
            held.add(id);
            pusher.own(held);
        }
        pusher.accept(id);
    }

    private void balance() {
        // Wall-clock time, not the injected clock: leases are about which node is alive, not about business time.
        pusher.own(leases.balance(node, Instant.now(), TTL));
    }

    private void keep() {
        long lastRenewed = System.nanoTime();
        while (pacer.running()) {
            pacer.pause(EVERY);
            if (!pacer.running()) {
                return;
            }
            try {
                balance();
                lastRenewed = System.nanoTime();
            } catch (RuntimeException e) {
                if (System.nanoTime() - lastRenewed > TTL.minus(EVERY).toNanos()) {
                    pusher.own(Set.of());
                }
                LOG.warn("renewing endpoint leases failed: {}", e.getMessage());
            }
        }
    }

    /** The thread that keeps the leases (diagnostics, and tests that interrupt it to show it carries on). */
    public Thread thread() {
        return thread;
    }

    /** Stops keeping the leases (they lapse within the TTL); the pusher is closed by its owner. */
    @Override
    public void close() {
        if (!pacer.stopAndJoin(thread, Duration.ofSeconds(5))) {
            LOG.warn("the endpoint lease keeper did not stop within 5 s");
        }
    }
}

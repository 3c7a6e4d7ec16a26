package ponte.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import ponte.core.Pacer;
import ponte.core.delivery.Deliveries;
import ponte.core.delivery.Endpoint;
import ponte.core.delivery.EndpointId;
import ponte.core.delivery.Endpoints;
import ponte.core.delivery.Retrying;
import ponte.core.log.Feeds;
import ponte.core.log.LogEntry;
import ponte.core.log.Tail;
import ponte.core.orgs.OrgId;
import ponte.outbound.AddressGuard;

/**
 * Runs one {@link EndpointWorker} per endpoint, each on its own virtual thread, and wakes an org's workers when the
 * node's {@link Tail} hears of an entry routed to the org. Workers also look at the log every poll interval, so a lost signal delays a
 * delivery by at most that.
 */
public final class Pusher implements Consumer<EndpointId>, AutoCloseable {
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private final Endpoints endpoints;
    private final Tail tail;
    private final SharedPages lines;
    private final Sender sender;
    private final EndpointWorker.Context context;
    private final Map<EndpointId, EndpointWorker> workers = new ConcurrentHashMap<>();
    private final Map<OrgId, Set<EndpointWorker>> byOrg = new ConcurrentHashMap<>();
    private volatile boolean started;
    /** On several nodes: the endpoints this node holds the lease of; null when it is the only node (it delivers all). */
    private volatile Set<EndpointId> owned;

    public Pusher(Endpoints endpoints, Deliveries deliveries, Feeds feeds, Tail tail, Payloads payloads, AddressGuard guard,
                  DeliverySettings settings, Clock clock) {
        this(endpoints, deliveries, feeds, tail, payloads, guard, settings, clock, DeliveryObserver.NONE);
    }

    /** @param tail the node's tail, which wakes the workers of the orgs an entry is routed to */
    public Pusher(Endpoints endpoints, Deliveries deliveries, Feeds feeds, Tail tail, Payloads payloads, AddressGuard guard,
                  DeliverySettings settings, Clock clock, DeliveryObserver observer) {
        this.endpoints = endpoints;
        this.tail = tail;
        this.lines = new SharedPages(feeds, clock);
        this.sender = new Sender(guard, settings, clock);
        this.context = new EndpointWorker.Context(endpoints, deliveries, lines, payloads, sender,
                new Retrying(settings.schedule(), settings.disableAfter()), clock, settings.poll(), observer);
    }

    /** Starts a worker for every stored endpoint: each resumes from its durable cursor. */
    public Pusher start() {
        started = true;
        tail.subscribe(this::appended);
        endpoints.all().forEach(this::run);
        return this;
    }

    /** Starts with no endpoint: on several nodes, {@link #own} hands this node its endpoints as it gets their leases. */
    public Pusher startLeased() {
        owned = Set.of();
        started = true;
        tail.subscribe(this::appended);
        return this;
    }

    /**
     * The endpoints this node now holds the lease of: workers start for new ones (each from its durable cursor, so
     * nothing is lost or reordered on a handover) and stop for those it gave up or lost.
     */
    public synchronized void own(Set<EndpointId> held) {
        owned = Set.copyOf(held);
        Map<EndpointId, Endpoints.Asked> asked = endpoints.asked();
        for (EndpointWorker worker : List.copyOf(workers.values())) {
            if (!held.contains(worker.endpoint().id())) {
                stop(worker);
            }
        }
        for (Endpoint endpoint : endpoints.all()) {
            if (!held.contains(endpoint.id())) {
                continue;
            }
            EndpointWorker worker = workers.get(endpoint.id());
            if (worker == null) {
                run(endpoint);
            } else if (!worker.endpoint().equals(endpoint)) {
                worker.changed(endpoint); // changed on another node (paused, new filter, rotated secret)
            } else if (asked.containsKey(endpoint.id())) {
                worker.asked(asked.get(endpoint.id())); // a re-send or replay asked through another node
            }
        }
    }

    /**
     * For each endpoint this node delivers to, when the oldest entry it has read and not yet delivered was appended
     * (empty when it is caught up): how far behind the log each pusher is, in time.
     */
    public Map<Endpoint, Optional<Instant>> waiting() {
        Map<Endpoint, Optional<Instant>> out = new HashMap<>();
        workers.values().forEach(w -> out.put(w.endpoint(), w.oldestWaiting()));
        return out;
    }

    /** The endpoints this node's workers deliver to now. */
    public Set<EndpointId> running() {
        return Set.copyOf(workers.keySet());
    }

    private void appended(LogEntry entry) {
        Set<OrgId> routedTo = entry.routedTo();
        lines.appended(routedTo);
        for (OrgId org : routedTo) {
            Set<EndpointWorker> of = byOrg.get(org);
            if (of != null) {
                of.forEach(EndpointWorker::wake);
            }
        }
    }

    /**
     * An endpoint was created, changed or deleted: reload it. Synchronized with {@link #own}, which reads every
     * endpoint and hands changed ones to their workers: unsynchronized, a balance that read the endpoints just before a
     * rotation committed handed the worker the old secrets after this method had given it the new ones, and the next
     * delivery (PushDeliveryTest, production mode) was signed with the old secret only.
     */
    @Override
    public synchronized void accept(EndpointId id) {
        if (!started) {
            return;
        }
        Optional<Endpoint> endpoint = endpoints.byId(id);
        EndpointWorker worker = workers.get(id);
        if (endpoint.isEmpty()) {
            if (worker != null) {
                stop(worker);
            }
            return;
        }
        if (worker == null) {
            if (owned == null || owned.contains(id)) {
                run(endpoint.get());
            }
        } else {
            worker.changed(endpoint.get());
        }
    }

    private synchronized void run(Endpoint endpoint) {
        if (workers.containsKey(endpoint.id())) {
            return;
        }
        EndpointWorker worker = new EndpointWorker(endpoint, context);
        workers.put(endpoint.id(), worker);
        byOrg.computeIfAbsent(endpoint.org(), o -> ConcurrentHashMap.newKeySet()).add(worker);
        worker.begin();
    }

    private synchronized void stop(EndpointWorker worker) {
        worker.stop();
        workers.remove(worker.endpoint().id());
        Set<EndpointWorker> of = byOrg.get(worker.endpoint().org());
        if (of != null) {
            of.remove(worker);
        }
    }

    /** The threads of the workers delivering now (diagnostics, and tests that interrupt them to show they carry on). */
    public List<Thread> threads() {
        return workers.values().stream().map(EndpointWorker::thread).toList();
    }

    /**
     * Stops every worker by its flag (never an interrupt: a worker may be inside a database call), aborts the requests
     * in flight, and waits up to five seconds in all for the workers to end.
     */
    @Override
    public void close() throws Exception {
        started = false;
        List<EndpointWorker> all = List.copyOf(workers.values());
        all.forEach(EndpointWorker::stop);
        sender.close();
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        for (EndpointWorker worker : all) {
            Pacer.join(worker.thread(), Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
    }
}

package ponte.delivery;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import ponte.core.delivery.Deliveries;
import ponte.core.delivery.Endpoint;
import ponte.core.delivery.EndpointId;
import ponte.core.delivery.Endpoints;
import ponte.core.delivery.Retrying;
import ponte.core.log.AppendListener;
import ponte.core.log.Cursor;
import ponte.core.log.Feeds;
import ponte.core.orgs.OrgId;

/**
 * Runs one {@link EndpointWorker} per endpoint, each on its own virtual thread, and wakes an org's workers when the
 * log routes an entry to the org. Workers also look at the log every poll interval, so a lost signal delays a
 * delivery by at most that.
 */
public final class Pusher implements AppendListener, Consumer<EndpointId>, AutoCloseable {
    private final Endpoints endpoints;
    private final Lines lines;
    private final Sender sender;
    private final EndpointWorker.Context context;
    private final Map<EndpointId, EndpointWorker> workers = new ConcurrentHashMap<>();
    private final Map<OrgId, Set<EndpointWorker>> byOrg = new ConcurrentHashMap<>();
    private volatile boolean started;

    public Pusher(Endpoints endpoints, Deliveries deliveries, Feeds feeds, Payloads payloads, AddressGuard guard,
                  DeliverySettings settings, Clock clock) {
        this.endpoints = endpoints;
        this.lines = new Lines(feeds, clock);
        this.sender = new Sender(guard, settings, clock);
        this.context = new EndpointWorker.Context(endpoints, deliveries, lines, payloads, sender,
                new Retrying(settings.schedule(), settings.disableAfter()), clock, settings.poll());
    }

    /** Starts a worker for every stored endpoint: each resumes from its durable cursor. */
    public Pusher start() {
        started = true;
        endpoints.all().forEach(this::run);
        return this;
    }

    @Override
    public void appended(Cursor head, Set<OrgId> routedTo) {
        lines.appended(routedTo);
        for (OrgId org : routedTo) {
            Set<EndpointWorker> of = byOrg.get(org);
            if (of != null) {
                of.forEach(EndpointWorker::wake);
            }
        }
    }

    /** An endpoint was created, changed or deleted: reload it. */
    @Override
    public void accept(EndpointId id) {
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
            run(endpoint.get());
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
        Thread.ofVirtual().name("ponte-push-" + endpoint.id()).start(worker);
    }

    private synchronized void stop(EndpointWorker worker) {
        worker.stop();
        workers.remove(worker.endpoint().id());
        Set<EndpointWorker> of = byOrg.get(worker.endpoint().org());
        if (of != null) {
            of.remove(worker);
        }
    }

    @Override
    public void close() throws Exception {
        started = false;
        workers.values().forEach(EndpointWorker::stop);
        sender.close();
    }
}

package ponte.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ponte.core.Invalid;
import ponte.core.Pacer;
import ponte.core.ingest.Importing;
import ponte.core.ingest.Incoming;
import ponte.core.ingest.Polling;
import ponte.core.ingest.Report;
import ponte.core.ingest.Source;
import ponte.core.ingest.SourceStatus;
import ponte.core.ingest.Sources;
import ponte.formats.IngestReader;
import ponte.outbound.AddressGuard;

/**
 * Polls every source on its own virtual thread, so a slow or dead server delays only its own source. Each round:
 * a conditional GET, the document read into entries, the entries imported, the status saved; then it waits until the
 * source's interval has passed on the injected clock, or until it is woken (changed, resumed, "poll now"). Whatever a
 * round meets (timeouts, HTTP errors, an address the SSRF guard refuses, garbage) becomes the source's status, never
 * the end of its thread. A worker is stopped by its {@link Pacer} (a flag and a wake-up), never interrupted: it may be
 * inside a database call, and an interrupt there closed the embedded H2 store under the whole node.
 */
public final class Poller implements Polling, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);
    /** The longest a waiting source goes without looking at the clock again (a clock moved by hand is noticed within it). */
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    /** After a round that could not even record its status (the store failing): the source's thread goes on. */
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(10);

    private final Sources sources;
    private final Importing importing;
    private final IngestReader reader;
    private final Fetcher fetcher;
    private final Clock clock;
    private final Map<String, Worker> workers = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    /** @param guard the SSRF guard every fetch connects through, redirects included */
    public Poller(Sources sources, Importing importing, IngestReader reader, AddressGuard guard, Clock clock, Duration connectTimeout,
                  Duration timeout) {
        this.sources = sources;
        this.importing = importing;
        this.reader = reader;
        this.clock = clock;
        this.fetcher = new Fetcher(guard, connectTimeout, timeout);
    }

    /** Starts a worker for every registered source (at start-up). */
    public void resumeAll() {
        sources.all().forEach(this::start);
    }

    @Override
    public void start(Source source) {
        if (running) {
            workers.computeIfAbsent(source.id(), id -> new Worker(id).begin());
        }
    }

    @Override
    public void wake(String sourceId) {
        Worker worker = workers.get(sourceId);
        if (worker != null) {
            worker.pacer.wake();
        } else {
            sources.byId(sourceId).ifPresent(this::start);
        }
    }

    /** Stops the source's worker; a round under way ends without recording its status (the source is going). */
    @Override
    public void stop(String sourceId) {
        Worker worker = workers.remove(sourceId);
        if (worker != null) {
            worker.pacer.stop();
        }
    }

    /** The threads polling now (diagnostics, and tests that interrupt them to show they carry on). */
    public List<Thread> threads() {
        return workers.values().stream().map(w -> w.thread).toList();
    }

    /** Stops every worker, aborts the fetches in flight, and waits up to five seconds in all for the workers to end. */
    @Override
    public void close() throws Exception {
        running = false;
        List<Worker> all = List.copyOf(workers.values());
        all.forEach(w -> w.pacer.stop());
        fetcher.close();
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        for (Worker w : all) {
            if (!Pacer.join(w.thread, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                LOG.warn("the poller of source {} did not stop within {}", w.id, STOP_WAIT);
            }
        }
        workers.clear();
    }

    /** One round for one source; public for the command line and tests that want a poll without waiting. */
    public SourceStatus pollOnce(Source source) throws InterruptedException {
        return poll(source, () -> true);
    }

    /** One round; its status is recorded only if {@code wanted} still holds at the end (a stopped worker's is not). */
    private SourceStatus poll(Source source, BooleanSupplier wanted) throws InterruptedException {
        SourceStatus before = sources.status(source.id());
        Instant at = clock.instant();
        SourceStatus after;
        try {
            after = switch (fetcher.fetch(source.url(), before.etag(), before.lastModified())) {
                case Fetcher.Fetched.NotModified n -> before.notModified(at);
                case Fetcher.Fetched.Document d -> {
                    List<Incoming> entries = reader.read(source.format(), d.body(), source.org().value());
                    Report report = importing.sync(source, sources, entries);
                    yield before.read(at, report, d.etag(), d.lastModified());
                }
            };
        } catch (Fetcher.Failed e) {
            after = before.failed(at, e.getMessage());
        } catch (Invalid e) {
            after = before.failed(at, "could not read the document as " + source.format().wire() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("polling source {} failed", source.id(), e);
            after = before.failed(at, "internal error: " + e.getMessage());
        }
        if (wanted.getAsBoolean() && sources.byId(source.id()).isPresent()) { // removed while polling: nothing left to record
            sources.saveStatus(source.id(), after);
        }
        return after;
    }

    private final class Worker {
        private final String id;
        private final Pacer pacer = new Pacer();
        private Thread thread;

        Worker(String id) {
            this.id = id;
        }

        Worker begin() {
            thread = Thread.ofVirtual().name("ponte-ingest-" + id).start(this::run);
            return this;
        }

        private boolean wanted() {
            return running && pacer.running();
        }

        private void run() {
            try {
                while (wanted()) {
                    Optional<Instant> due = round();
                    if (due.isEmpty()) {
                        return; // the source is gone
                    }
                    waitUntil(due.get());
                }
            } finally {
                workers.remove(id, this);
            }
        }

        /** Polls the source unless paused; returns when to look again, or empty if the source was removed. */
        private Optional<Instant> round() {
            try {
                Optional<Source> source = sources.byId(id);
                if (source.isEmpty()) {
                    return Optional.empty();
                }
                if (source.get().paused()) {
                    return Optional.of(Instant.MAX); // until woken
                }
                poll(source.get(), this::wanted);
                return Optional.of(clock.instant().plus(source.get().interval()));
            } catch (InterruptedException e) {
                // Not how workers are stopped (an interrupt from elsewhere cut the fetch short): try again as after a failure.
            } catch (RuntimeException e) {
                if (wanted()) { // while the node closes, the store going away under a poll is expected
                    LOG.warn("a round of source {} failed; trying again in {}", id, AFTER_FAILURE, e);
                }
            }
            return Optional.of(clock.instant().plus(AFTER_FAILURE));
        }

        /** Until the clock reaches {@code due}, someone wakes the source or it is stopped. */
        private void waitUntil(Instant due) {
            for (Instant now = clock.instant(); now.isBefore(due) && wanted(); now = clock.instant()) {
                Duration left = Duration.between(now, due); // may be centuries (a paused source waits until Instant.MAX)
                if (pacer.pause(left.compareTo(TICK) > 0 ? TICK : left)) {
                    return;
                }
            }
        }
    }
}

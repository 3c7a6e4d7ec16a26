package ponte.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ponte.core.Invalid;
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
 * the end of its thread.
 */
public final class Poller implements Polling, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);
    /** The longest a waiting source goes without looking at the clock again (a clock moved by hand is noticed within it). */
    private static final Duration TICK = Duration.ofSeconds(1);

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
            worker.wake.release();
        } else {
            sources.byId(sourceId).ifPresent(this::start);
        }
    }

    @Override
    public void stop(String sourceId) {
        Worker worker = workers.remove(sourceId);
        if (worker != null) {
            worker.thread.interrupt();
        }
    }

    @Override
    public void close() throws Exception {
        running = false;
        List<Worker> all = List.copyOf(workers.values());
        all.forEach(w -> w.thread.interrupt());
        for (Worker w : all) {
            w.thread.join(Duration.ofSeconds(5));
        }
        workers.clear();
        fetcher.close();
    }

    /** One round for one source; public for the command line and tests that want a poll without waiting. */
    public SourceStatus pollOnce(Source source) throws InterruptedException {
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
        if (sources.byId(source.id()).isPresent()) { // removed while polling: nothing left to record
            sources.saveStatus(source.id(), after);
        }
        return after;
    }

    private final class Worker {
        private final String id;
        private final Semaphore wake = new Semaphore(0);
        private Thread thread;

        Worker(String id) {
            this.id = id;
        }

        Worker begin() {
            thread = Thread.ofVirtual().name("ponte-ingest-" + id).start(this::run);
            return this;
        }

        private void run() {
            try {
                while (running && !Thread.currentThread().isInterrupted()) {
                    Optional<Source> source = sources.byId(id);
                    if (source.isEmpty()) {
                        return;
                    }
                    Instant due = clock.instant();
                    if (!source.get().paused()) {
                        pollOnce(source.get());
                        due = clock.instant().plus(source.get().interval());
                    } else {
                        due = Instant.MAX;
                    }
                    waitUntil(due);
                }
            } catch (InterruptedException e) {
                // stopped
            } catch (RuntimeException e) {
                if (running) { // while the node closes, the store going away under a poll is expected
                    LOG.error("the poller of source {} stopped", id, e);
                }
            } finally {
                workers.remove(id, this);
            }
        }

        /** Until the clock reaches {@code due} or someone wakes the source. */
        private void waitUntil(Instant due) throws InterruptedException {
            for (Instant now = clock.instant(); now.isBefore(due); now = clock.instant()) {
                Duration left = Duration.between(now, due); // may be centuries (a paused source waits until Instant.MAX)
                long millis = left.compareTo(TICK) > 0 ? TICK.toMillis() : Math.max(1, left.toMillis());
                if (wake.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                    return;
                }
            }
        }
    }
}

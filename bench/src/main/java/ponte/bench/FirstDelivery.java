package ponte.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import ponte.core.log.LogTail;

/**
 * Publish-to-first-delivery: for every item published in the measured window, the time from the 201 reaching the
 * client to the moment a node's {@link LogTail} hands the entry to its listeners (which is how SSE streams, pushers
 * and the search index learn of it). Client and nodes share the JVM, so one {@link System#nanoTime} clock times both.
 */
final class FirstDelivery {
    /** A listener on one node's tail, subscribed once; it records into whatever measurement is current. */
    static final class Probe {
        final String name;
        private volatile Map<String, Long> seen;

        Probe(String name, LogTail tail) {
            this.name = name;
            tail.subscribe(e -> {
                Map<String, Long> into = seen;
                if (into != null) {
                    into.putIfAbsent(e.item().id().value(), System.nanoTime());
                }
            });
        }
    }

    /** One publish as the client saw it: nanoTime sent and acknowledged, and the 201's wall-clock millisecond. */
    private record Publish(long sent, long acknowledged, long acknowledgedMillis) {}

    /** Milliseconds at the 50th and 99th percentile and the largest. */
    record Spread(double p50, double p99, double max) {}

    /** One probe's figures for one load. */
    record Result(String probe, int samples, int missing, Spread from201, Spread fromSent, long deliveredBefore201) {}

    private final Node publisher;
    private final List<Probe> probes;
    private final Map<String, Publish> published = new ConcurrentHashMap<>();
    private final List<Map<String, Long>> seen = new ArrayList<>();
    private final AtomicLong story = new AtomicLong();
    private volatile long measureFrom;
    private volatile long measureTo;

    FirstDelivery(Node publisher, List<Probe> probes) {
        this.publisher = publisher;
        this.probes = probes;
        for (Probe p : probes) {
            Map<String, Long> map = new ConcurrentHashMap<>();
            seen.add(map);
            p.seen = map;
        }
    }

    /** Only publishes sent in [from, to) (System.nanoTime) count; the ones before are warm-up. */
    void window(long from, long to) {
        measureFrom = from;
        measureTo = to;
    }

    /** Publishes one item and records when it was sent and acknowledged. */
    long publish() throws Exception {
        long sent = System.nanoTime();
        HttpResponse<byte[]> response = publisher.client.post("/v1/items", publisher.editorKey(), Node.item("d" + story.incrementAndGet()));
        long acknowledged = System.nanoTime();
        long acknowledgedMillis = System.currentTimeMillis();
        if (sent >= measureFrom && sent < measureTo) {
            String location = response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException("201 without Location"));
            published.put(location.substring(location.lastIndexOf('/') + 1), new Publish(sent, acknowledged, acknowledgedMillis));
        }
        return response.body().length;
    }

    /**
     * An open loop at {@code perSecond}: each publish starts at its scheduled time whether or not the earlier ones
     * answered (a newsroom does not wait), so queueing shows up as latency. At most 512 in flight; beyond that a
     * publish is skipped and counted. Returns the publishes acknowledged in the measured window per second.
     */
    double openLoop(String label, int perSecond, Duration warmUp, Duration measure) throws InterruptedException {
        Semaphore inFlight = new Semaphore(512);
        AtomicLong errors = new AtomicLong();
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long start = System.nanoTime();
        window(start + warmUp.toNanos(), start + warmUp.toNanos() + measure.toNanos());
        long end = measureTo;
        long skipped = 0;
        long nextReport = start + TimeUnit.SECONDS.toNanos(1);
        long startedAtReport = 0;
        long started = 0;
        for (long at = start; at < end; at += interval) {
            long wait = at - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
            if (!inFlight.tryAcquire()) {
                skipped++;
                continue;
            }
            started++;
            Thread.ofVirtual().start(() -> {
                try {
                    publish();
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    inFlight.release();
                }
            });
            if (at >= nextReport) {
                System.out.printf("  %-32s %-7s t=%4.1fs %6d publishes/s  in flight %d  skipped %d  errors %d%n", label,
                        at < measureFrom ? "warm-up" : "measure", (at - start) / 1e9, started - startedAtReport, 512 - inFlight.availablePermits(), skipped, errors.get());
                startedAtReport = started;
                nextReport += TimeUnit.SECONDS.toNanos(1);
            }
        }
        if (!inFlight.tryAcquire(512, 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(label + ": publishes still unanswered 60 s after the load stopped");
        }
        if (errors.get() > 0 || skipped > 0) {
            System.out.printf("  %s: %d errors, %d publishes skipped (512 in flight)%n", label, errors.get(), skipped);
        }
        return published.size() / (measure.toNanos() / 1e9);
    }

    /** Waits (up to 20 s) until every probe has seen every measured publish, then stops recording and sums up. */
    List<Result> results() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && seen.stream().anyMatch(s -> !s.keySet().containsAll(published.keySet()))) {
            Thread.sleep(50);
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            probes.get(i).seen = null;
            results.add(result(probes.get(i).name, seen.get(i)));
        }
        return results;
    }

    private Result result(String probe, Map<String, Long> delivered) {
        List<Long> from201 = new ArrayList<>();
        List<Long> fromSent = new ArrayList<>();
        int missing = 0;
        for (var e : published.entrySet()) {
            Long at = delivered.get(e.getKey());
            if (at == null) {
                missing++;
                continue;
            }
            from201.add(at - e.getValue().acknowledged());
            fromSent.add(at - e.getValue().sent());
        }
        long early = from201.stream().filter(d -> d < 0).count();
        return new Result(probe, from201.size(), missing, spread(from201), spread(fromSent), early);
    }

    /**
     * Kafka mode's delivery split in two for the measured publishes (see {@link TopicWatch}): 201 → the relay's
     * send(), and send() → readable to a read_committed consumer. Milliseconds.
     */
    String split(TopicWatch topic) {
        List<Long> relay = new ArrayList<>();
        List<Long> kafka = new ArrayList<>();
        published.forEach((id, p) -> topic.of(id).ifPresent(seen -> {
            relay.add((seen.sentMillis() - p.acknowledgedMillis()) * 1_000_000);
            kafka.add((seen.readableMillis() - seen.sentMillis()) * 1_000_000);
        }));
        Spread r = spread(relay);
        Spread k = spread(kafka);
        return String.format(Locale.ROOT, "201 → relay's send() p50 %.0f / p99 %.0f / max %.0f ms; send() → readable (commit + fetch) "
                + "p50 %.0f / p99 %.0f / max %.0f ms (%d of %d records seen)", r.p50(), r.p99(), r.max(), k.p50(), k.p99(), k.max(), relay.size(), published.size());
    }

    int acknowledged() {
        return published.size();
    }

    /** Publish latency (POST sent to 201 received) of the measured publishes. */
    Spread publishLatency() {
        return spread(published.values().stream().map(p -> p.acknowledged() - p.sent()).toList());
    }

    private static Spread spread(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Spread(at(sorted, 0.50), at(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
    }
}

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
import ponte.formats.NinjsWriter;
import tools.jackson.databind.JsonNode;

/**
 * Publish-to-first-delivery: for every item published in the measured window, the time from the 201 reaching the
 * client to the moment a node's {@link ponte.core.log.Tail} hands the entry to its listeners (which is how SSE streams, pushers
 * and the search index learn of it), or its first webhook request reaches a receiver. Client, nodes and receiver
 * share the JVM, so one {@link System#nanoTime} clock times them all.
 */
final class FirstDelivery {
    /**
     * Where deliveries are seen, keyed by the entry's cursor: a node's tail, or (fed by {@link #saw}) a webhook
     * receiver. Made once; it records into whatever measurement is current.
     */
    static final class Probe {
        final String name;
        private volatile Map<String, Long> seen;

        Probe(String name) {
            this.name = name;
        }

        /** A listener on one node's tail, subscribed once. */
        Probe(String name, ponte.app.Node node) {
            this(name, List.of(node));
        }

        /** A listener on several nodes' tails: the first to hand an entry on counts. */
        Probe(String name, List<ponte.app.Node> nodes) {
            this(name);
            nodes.forEach(node -> node.onEntry(e -> saw(e.cursor().encode(), System.nanoTime())));
        }

        /** The first sight of {@code key} (System.nanoTime {@code at}) counts. */
        void saw(String key, long at) {
            Map<String, Long> into = seen;
            if (into != null) {
                into.putIfAbsent(key, at);
            }
        }
    }

    /**
     * One publish as the client saw it: the key its deliveries are seen under (the receipt's cursor), its item,
     * nanoTime sent and acknowledged, the 201's wall-clock millisecond, and the bytes of the answer.
     */
    record Publish(String key, String itemId, long sent, long acknowledged, long acknowledgedMillis, long bytes) {}

    /** What starts the clock: a publish on a node, or for a reference a bare request (acknowledged when sent). */
    @FunctionalInterface
    interface Source {
        /** Makes the {@code n}-th. */
        Publish send(long n) throws Exception;
    }

    /** Milliseconds at the 50th and 99th percentile, the largest, and the mean. */
    record Spread(double p50, double p99, double max, double mean) {}

    /** One probe's figures for one load. */
    record Result(String probe, int samples, int missing, Spread from201, Spread fromSent, long deliveredBefore201) {}

    private final Source source;
    private final List<Probe> probes;
    private final Map<String, Publish> published = new ConcurrentHashMap<>();
    private final List<Map<String, Long>> seen = new ArrayList<>();
    private final AtomicLong story = new AtomicLong();
    private volatile long measureFrom;
    private volatile long measureTo;

    FirstDelivery(Node publisher, List<Probe> probes) {
        this(publishing(publisher), probes);
    }

    FirstDelivery(Source source, List<Probe> probes) {
        this.source = source;
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

    /** Publishing items on {@code node}: the clock starts at the 201, and deliveries are seen under its cursor. */
    static Source publishing(Node node) {
        return n -> {
            long sent = System.nanoTime();
            HttpResponse<byte[]> response = node.client.post("/v1/items", node.editorKey(), Node.item("d" + n));
            long acknowledged = System.nanoTime();
            long acknowledgedMillis = System.currentTimeMillis();
            JsonNode receipt = NinjsWriter.mapper().readTree(response.body());
            return new Publish(receipt.get("cursor").asString(), receipt.get("id").asString(), sent, acknowledged, acknowledgedMillis,
                    response.body().length);
        };
    }

    /** Publishes one item (or makes one reference request) and records when it was sent and acknowledged. */
    long publish() throws Exception {
        Publish p = source.send(story.incrementAndGet());
        if (p.sent() >= measureFrom && p.sent() < measureTo) {
            published.put(p.key(), p);
        }
        return p.bytes();
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
        return results(Duration.ofSeconds(20));
    }

    /** As {@link #results()}, waiting up to {@code atMost} (a node that learns of entries only by polling needs longer). */
    List<Result> results(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
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

    /** From one probe's sight of a publish to another's: the spread, and how many the second saw first. */
    record Gap(Spread spread, long reversed) {}

    /** Per measured publish seen by both, from {@code earlier}'s sight to {@code later}'s (what the later step adds). */
    Gap between(Probe earlier, Probe later) {
        Map<String, Long> from = seen.get(probes.indexOf(earlier));
        Map<String, Long> to = seen.get(probes.indexOf(later));
        List<Long> gaps = new ArrayList<>();
        for (String key : published.keySet()) {
            Long a = from.get(key);
            Long b = to.get(key);
            if (a != null && b != null) {
                gaps.add(b - a);
            }
        }
        return new Gap(spread(gaps), gaps.stream().filter(g -> g < 0).count());
    }

    /**
     * Kafka mode's delivery split in two for the measured publishes (see {@link TopicWatch}): 201 → the relay's
     * send(), and send() → readable to a read_committed consumer. Milliseconds.
     */
    String split(TopicWatch topic) {
        List<Long> relay = new ArrayList<>();
        List<Long> kafka = new ArrayList<>();
        published.values().forEach(p -> topic.of(p.itemId()).ifPresent(seen -> {
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
            return new Spread(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Spread(at(sorted, 0.50), at(sorted, 0.99), sorted[sorted.length - 1] / 1e6, Arrays.stream(sorted).average().orElseThrow() / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
    }
}

package ponte.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the nodes themselves say about a phase's deliveries: {@code ponte_delivery_latency_seconds} (from an entry's
 * append to the 2xx reaching the pusher) and failed {@code ponte_delivery_attempts_total}, summed over the delivering
 * nodes from GET /metrics on their management ports, as Prometheus would scrape them. The series are per node, not
 * per endpoint; the harness deletes each phase's endpoints before the next, so a window's deliveries are its phase's.
 * Count and sum are read when the measured window opens and again at its end, so the mean is the window's; max is
 * Micrometer's own, a decaying maximum over its last couple of minutes.
 */
final class DeliveryMetric {
    /** The window's deliveries counted by the metric, their mean, the metric's max, and failed attempts. */
    record Window(long count, double meanMs, double maxMs, long failed) {}

    private record Totals(long count, double sumSeconds, double maxSeconds, long failed) {}

    // Micrometer's Prometheus names: a Timer in seconds gets _count, _sum and _max; a Counter gets _total.
    private static final Pattern SERIES = Pattern.compile(
            "(ponte_delivery_latency_seconds_(?:count|sum|max)|ponte_delivery_attempts_total)(?:\\{([^}]*)})? (\\S+)");

    private final List<Node> nodes;
    private final Thread opening;
    private volatile Totals atStart;

    /** Reads the totals once {@code warmUp} has passed: when the open loop started now opens its measured window. */
    DeliveryMetric(List<Node> nodes, Duration warmUp) {
        this.nodes = nodes;
        this.opening = Thread.ofVirtual().name("bench-metric-scrape").start(() -> {
            try {
                Thread.sleep(warmUp);
                atStart = totals();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Reads the totals again (after every arrival: the pusher records the metric when the 2xx is back) and subtracts. */
    Window end() throws InterruptedException {
        opening.join();
        if (atStart == null) {
            throw new IllegalStateException("GET /metrics failed when the measured window opened");
        }
        Thread.sleep(200); // the last 2xx travels back to the pusher after the receiver saw the request
        Totals now = totals();
        long count = now.count() - atStart.count();
        return new Window(count, (now.sumSeconds() - atStart.sumSeconds()) * 1e3 / count, now.maxSeconds() * 1e3, now.failed() - atStart.failed());
    }

    private Totals totals() throws InterruptedException {
        long count = 0;
        double sum = 0;
        double max = 0;
        long failed = 0;
        for (Node node : nodes) {
            String scrape;
            try {
                scrape = new String(node.management.get("/metrics", null).body(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String line : scrape.split("\n")) {
                Matcher series = SERIES.matcher(line);
                if (!series.matches()) {
                    continue;
                }
                double value = Double.parseDouble(series.group(3));
                switch (series.group(1)) {
                    case "ponte_delivery_latency_seconds_count" -> count += (long) value;
                    case "ponte_delivery_latency_seconds_sum" -> sum += value;
                    case "ponte_delivery_latency_seconds_max" -> max = Math.max(max, value);
                    default -> failed += series.group(2) != null && series.group(2).contains("result=\"failed\"") ? (long) value : 0;
                }
            }
        }
        return new Totals(count, sum, max, failed);
    }
}

package ponte.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import ponte.api.Operations;
import ponte.core.delivery.Attempt;
import ponte.core.delivery.Endpoint;
import ponte.core.log.FeedEntry;
import ponte.core.log.LogEntry;
import ponte.core.log.LogEvent;

/**
 * A node's metrics (Micrometer, Prometheus format) and readiness checks. Readers of the log register their
 * position, and the lag behind the log's head is published for each ({@code ponte_log_consumer_lag}).
 *
 * <p>No series is labelled with an organisation or an endpoint: such labels grow with the tenants (thousands of
 * endpoints, nine series each) and would name the tenants to whoever reads the metrics. Delivery is measured over
 * all the endpoints this node delivers to; which endpoint fails is each org's to see, through the API.
 */
public final class NodeMetrics implements Operations {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
    private final Map<LogEvent, Counter> entries = new ConcurrentHashMap<>();
    private final LongSupplier head;
    private final Timer requests;
    private final Counter delivered;
    private final Counter failed;
    private final Timer latency;
    private volatile Supplier<Collection<Optional<Instant>>> waiting = List::of;

    public NodeMetrics(LongSupplier head) {
        this.head = head;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        Gauge.builder("ponte_log_head_seq", head::getAsLong).description("sequence number of the last log entry").register(registry);
        requests = Timer.builder("ponte_delivery_request").description("duration of requests to webhook endpoints").register(registry);
        delivered = attempts("delivered");
        failed = attempts("failed");
        latency = Timer.builder("ponte_delivery_latency")
                .description("from a log entry's append to its delivery (2xx) to an endpoint, retries included").register(registry);
        Gauge.builder("ponte_delivery_behind_seconds", () -> oldestWaiting().map(NodeMetrics::ageSeconds).orElse(0.0))
                .description("age of the oldest entry an endpoint delivered by this node has read and not yet delivered (0: all caught up)")
                .baseUnit("seconds").register(registry);
        Gauge.builder("ponte_delivery_endpoints", () -> waiting.get().size())
                .description("endpoints this node delivers to now (on several nodes, its share by lease)").register(registry);
        Gauge.builder("ponte_delivery_endpoints_behind", () -> waiting.get().stream().filter(Optional::isPresent).count())
                .description("endpoints delivered by this node with an entry read and not yet delivered").register(registry);
    }

    private Counter attempts(String result) {
        return Counter.builder("ponte_delivery_attempts").description("requests made to webhook endpoints, by result")
                .tag("result", result).register(registry);
    }

    /**
     * One request to an endpoint: counted by result, timed, and when it delivered, the time from the entry's append
     * to the receiver's 2xx (retries included) is recorded as the delivery latency.
     */
    public void attempted(Endpoint endpoint, FeedEntry entry, Attempt attempt) {
        requests.record(attempt.latency());
        (attempt.delivered() ? delivered : failed).increment();
        if (attempt.delivered()) {
            Duration took = Duration.between(entry.appendedAt(), attempt.at().plus(attempt.latency()));
            latency.record(took.isNegative() ? Duration.ZERO : took);
        }
    }

    /** Where this node's pushers stand, read at every scrape: for each endpoint, when its oldest waiting entry was appended. */
    public void waiting(Supplier<Collection<Optional<Instant>>> pushers) {
        this.waiting = pushers;
    }

    private Optional<Instant> oldestWaiting() {
        return waiting.get().stream().flatMap(Optional::stream).min(Instant::compareTo);
    }

    private static double ageSeconds(Instant at) {
        return Math.max(0, Duration.between(at, Instant.now()).toMillis()) / 1000.0;
    }

    /** Counts an appended entry by its event; fed from the log tail, so on Kafka it counts the whole cluster's entries. */
    public void appended(LogEntry entry) {
        entries.computeIfAbsent(entry.event(), event -> Counter.builder("ponte_log_entries")
                .description("log entries appended, by event").tag("event", event.wire()).register(registry)).increment();
    }

    /** Publishes how far a reader of the log is behind its head. */
    public void consumer(String name, LongSupplier position) {
        Gauge.builder("ponte_log_consumer_lag", () -> Math.max(0, head.getAsLong() - position.getAsLong()))
                .description("log entries a reader has not processed yet").tag("consumer", name).register(registry);
    }

    public void gauge(String name, String description, LongSupplier value) {
        Gauge.builder(name, value::getAsLong).description(description).register(registry);
    }

    public void check(String name, BooleanSupplier check) {
        checks.put(name, check);
    }

    public io.micrometer.core.instrument.MeterRegistry registry() {
        return registry;
    }

    @Override
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public Map<String, Boolean> checks() {
        Map<String, Boolean> out = new LinkedHashMap<>();
        checks.forEach((name, check) -> {
            boolean ok;
            try {
                ok = check.getAsBoolean();
            } catch (RuntimeException e) {
                ok = false;
            }
            out.put(name, ok);
        });
        return out;
    }
}

package ponte.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import ponte.api.Operations;
import ponte.core.delivery.Attempt;
import ponte.core.delivery.Endpoint;
import ponte.core.delivery.EndpointId;
import ponte.core.log.FeedEntry;
import ponte.core.log.LogEntry;
import ponte.core.log.LogEvent;

/**
 * A node's metrics (Micrometer, Prometheus format) and readiness checks. Readers of the log register their
 * position, and the lag behind the log's head is published for each ({@code ponte_log_consumer_lag}).
 */
public final class NodeMetrics implements Operations {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
    private final Map<LogEvent, Counter> entries = new ConcurrentHashMap<>();
    private final LongSupplier head;
    private final MultiGauge behind;
    /** Endpoints' meters by endpoint: looking them up in the registry by name and tags on every request is slower. */
    private final Map<MeterKey, Meter> endpointMeters = new ConcurrentHashMap<>();
    private volatile Supplier<Map<Endpoint, Optional<Instant>>> waiting = Map::of;

    private record MeterKey(EndpointId endpoint, String meter) {}

    public NodeMetrics(LongSupplier head) {
        this.head = head;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        Gauge.builder("ponte_log_head_seq", head::getAsLong).description("sequence number of the last log entry").register(registry);
        behind = MultiGauge.builder("ponte_delivery_behind_seconds")
                .description("age of the oldest entry an endpoint delivered by this node has read and not yet delivered (0: caught up)")
                .baseUnit("seconds").register(registry);
    }

    /**
     * One request to an endpoint: counted by result, timed, and when it delivered, the time from the entry's append
     * to the receiver's 2xx (retries included) is recorded as the endpoint's delivery latency.
     */
    public void attempted(Endpoint endpoint, FeedEntry entry, Attempt attempt) {
        meter(endpoint, "request", tags -> Timer.builder("ponte_delivery_request").description("duration of requests to webhook endpoints")
                .tags(tags).register(registry)).record(attempt.latency());
        String result = attempt.delivered() ? "delivered" : "failed";
        meter(endpoint, result, tags -> Counter.builder("ponte_delivery_attempts").description("requests made to webhook endpoints, by result")
                .tags(tags).tag("result", result).register(registry)).increment();
        if (attempt.delivered()) {
            Duration latency = Duration.between(entry.appendedAt(), attempt.at().plus(attempt.latency()));
            meter(endpoint, "latency", tags -> Timer.builder("ponte_delivery_latency")
                    .description("from a log entry's append to its delivery (2xx), per endpoint").tags(tags).register(registry))
                    .record(latency.isNegative() ? Duration.ZERO : latency);
        }
    }

    /** One of an endpoint's meters, registered the first time it is needed and then found by a plain map lookup. */
    @SuppressWarnings("unchecked")
    private <M extends Meter> M meter(Endpoint endpoint, String which, Function<Tags, M> register) {
        return (M) endpointMeters.computeIfAbsent(new MeterKey(endpoint.id(), which), key -> register.apply(tags(endpoint)));
    }

    /** Where this node's pushers stand: read at every scrape. */
    public void waiting(Supplier<Map<Endpoint, Optional<Instant>>> pushers) {
        this.waiting = pushers;
    }

    private static Tags tags(Endpoint endpoint) {
        return Tags.of("endpoint", endpoint.id().value(), "org", endpoint.org().value());
    }

    private void refreshBehind() {
        Instant now = Instant.now();
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        waiting.get().forEach((endpoint, oldest) -> rows.add(MultiGauge.Row.of(tags(endpoint),
                oldest.map(at -> Math.max(0, Duration.between(at, now).toMillis()) / 1000.0).orElse(0.0))));
        behind.register(rows, true); // endpoints that moved to another node drop out
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
        refreshBehind();
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

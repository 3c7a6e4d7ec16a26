package ponte.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import ponte.api.Operations;
import ponte.core.log.LogEntry;

/**
 * A node's metrics (Micrometer, Prometheus format) and readiness checks. Readers of the log register their
 * position, and the lag behind the log's head is published for each ({@code ponte_log_consumer_lag}).
 */
public final class NodeMetrics implements Operations {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
    private final Map<String, Counter> entries = new ConcurrentHashMap<>();
    private final LongSupplier head;

    public NodeMetrics(LongSupplier head) {
        this.head = head;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        Gauge.builder("ponte_log_head_seq", head::getAsLong).description("sequence number of the last log entry").register(registry);
    }

    /** Counts an appended entry by its event; fed from the log tail, so on Kafka it counts the whole cluster's entries. */
    public void appended(LogEntry entry) {
        entries.computeIfAbsent(entry.event(), event -> Counter.builder("ponte_log_entries")
                .description("log entries appended, by event").tag("event", event).register(registry)).increment();
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

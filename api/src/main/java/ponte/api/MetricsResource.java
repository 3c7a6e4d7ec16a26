package ponte.api;

import java.nio.charset.StandardCharsets;

/**
 * The node's metrics in the Prometheus text format: served on the management port only. They describe the node, not
 * a tenant, and are for the operator's scraper, so the public port answers {@code /metrics} with 404 like any path it
 * does not have.
 */
public final class MetricsResource implements Resource {
    private final Operations operations;

    public MetricsResource(Operations operations) {
        this.operations = operations;
    }

    @Override
    public void register(Routes routes) {
        routes.add("GET", "/metrics", x -> x.send(200, "text/plain; version=0.0.4; charset=utf-8",
                operations.scrape().getBytes(StandardCharsets.UTF_8)));
    }
}

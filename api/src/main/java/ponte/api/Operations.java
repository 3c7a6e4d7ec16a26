package ponte.api;

import java.util.Map;

/** What operators read from a node: Prometheus metrics and readiness checks, provided by the composition root. */
public interface Operations {
    /** Metrics in the Prometheus text format. */
    String scrape();

    /** Each dependency the node needs (database, Kafka) and whether it answers now. */
    Map<String, Boolean> checks();
}

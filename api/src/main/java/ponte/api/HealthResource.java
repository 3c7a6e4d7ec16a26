package ponte.api;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Liveness and readiness, on the public port (for a load balancer) and on the management port (for the operator's
 * probes). Liveness: the process answers. Readiness: its database answers a real query, and Kafka in production mode.
 */
public final class HealthResource implements Resource {
    private final Operations operations;

    public HealthResource(Operations operations) {
        this.operations = operations;
    }

    @Override
    public void register(Routes routes) {
        routes.add("GET", "/health", x -> x.json(200, JsonNodeFactory.instance.objectNode().put("status", "ok")));
        routes.add("GET", "/ready", this::ready);
    }

    private void ready(Exchange x) {
        Map<String, Boolean> checks = operations.checks();
        boolean ready = checks.values().stream().allMatch(Boolean::booleanValue);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("status", ready ? "ready" : "not ready");
        ObjectNode each = body.putObject("checks");
        checks.forEach((name, ok) -> each.put(name, ok ? "up" : "down"));
        if (ready) {
            x.json(200, body);
        } else {
            Problems.Problem problem = Problems.problem(503, "not-ready", "Not ready", "a dependency does not answer: " + checks, List.of());
            problem.body().set("checks", each);
            x.problem(problem);
        }
    }
}

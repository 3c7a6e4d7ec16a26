package ponte.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Liveness, readiness, metrics, the OpenAPI document and its human-readable rendering. */
public final class SystemResource implements Resource {
    private final Operations operations;

    public SystemResource(Operations operations) {
        this.operations = operations;
    }

    private final byte[] openapi = resource("openapi.json");
    private final byte[] docs = resource("docs.html");
    private final byte[] redoc = resource("redoc.standalone.js");

    @Override
    public void register(Routes routes) {
        // Liveness: the process answers. Readiness: its database (and Kafka, in production mode) answer too.
        routes.add("GET", "/health", x -> x.json(200, JsonNodeFactory.instance.objectNode().put("status", "ok")));
        routes.add("GET", "/ready", this::ready);
        routes.add("GET", "/metrics", x -> x.send(200, "text/plain; version=0.0.4; charset=utf-8",
                operations.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        routes.add("GET", "/openapi.json", x -> x.send(200, "application/json", openapi));
        routes.add("GET", "/docs", x -> x.send(200, "text/html", docs));
        // ReDoc (MIT licence, REDOC-LICENSE.txt beside it) served from here: the docs work offline.
        routes.add("GET", "/docs/redoc.standalone.js", x -> x.send(200, "text/javascript", redoc));
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

    private static byte[] resource(String name) {
        try (InputStream in = SystemResource.class.getResourceAsStream("/ponte/api/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource /ponte/api/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

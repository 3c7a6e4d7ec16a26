package ponte.api;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ponte.core.Conflict;
import ponte.core.Invalid;
import ponte.core.NotAllowed;
import ponte.core.NotFound;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The one place where refusals become RFC 9457 problem details (application/problem+json). */
final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    static final String TYPE_BASE = "https://ponte.dev/problems/";

    record Problem(int status, ObjectNode body) {}

    private Problems() {}

    static Problem of(Throwable failure) {
        return switch (failure) {
            case HttpError e -> problem(e.status, slug(e.title), e.title, e.getMessage(), List.of());
            case Invalid e -> problem(422, "invalid", "Invalid input", e.getMessage(), e.violations());
            case NotFound e -> problem(404, "not-found", "Not found", e.getMessage(), List.of());
            case NotAllowed e -> problem(403, "forbidden", "Forbidden", e.getMessage(), List.of());
            case Conflict e -> problem(409, "conflict", "Conflict", e.getMessage(), List.of());
            default -> {
                LOG.error("request failed", failure);
                yield problem(503, "unavailable", "Service unavailable",
                        "Ponte could not complete the request; nothing was acknowledged. Retry later.", List.of());
            }
        };
    }

    static Problem problem(int status, String slug, String title, String detail, List<Invalid.Violation> violations) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("type", TYPE_BASE + slug);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (!violations.isEmpty()) {
            ArrayNode errors = body.putArray("errors");
            violations.forEach(v -> errors.addObject().put("pointer", v.pointer()).put("detail", v.detail()));
        }
        return new Problem(status, body);
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }
}

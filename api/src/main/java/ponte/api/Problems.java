package ponte.api;

import java.util.List;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ponte.core.Conflict;
import ponte.core.Invalid;
import ponte.core.NotAllowed;
import ponte.core.NotFound;
import ponte.core.media.CannotPrepare;
import ponte.core.media.Resuming;
import ponte.core.media.UploadBroken;
import ponte.core.media.UploadTooLarge;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The one place where refusals become RFC 9457 problem details (application/problem+json). */
final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    /**
     * Type URIs are relative references, resolved against the answer's own URI (RFC 9457 section 3.1.1, RFC 3986
     * section 5): they lead to the page this node serves ({@link ProblemsResource}) wherever it runs, and each stays one
     * string to compare, whatever host or scheme a client reached the node by.
     */
    static final String TYPE_BASE = "/problems/";

    private static final String UNAVAILABLE = "Ponte could not complete the request; nothing was acknowledged. Retry later.";

    record Problem(int status, ObjectNode body) {}

    private Problems() {}

    static Problem of(Throwable failure) {
        return switch (failure) {
            case HttpError e -> problem(e.status, ProblemTypes.slugOf(e.status, e.title), e.title, e.getMessage(), List.of());
            case Invalid e -> problem(422, "invalid", "Invalid input", e.getMessage(), e.violations());
            case NotFound e -> problem(404, "not-found", "Not found", e.getMessage(), List.of());
            case NotAllowed e -> problem(403, "forbidden", "Forbidden", e.getMessage(), List.of());
            case Conflict e -> problem(409, "conflict", "Conflict", e.getMessage(), List.of());
            case UploadTooLarge e -> of(new HttpError(413, "Content too large", e.getMessage()));
            case UploadBroken e -> of(HttpError.badRequest(e.getMessage()));
            case Resuming.ChecksumMismatch e -> of(new HttpError(460, "Checksum mismatch", e.getMessage())); // tus checksum extension
            // Said as it is, not as "retry later": an operator must install ffmpeg first.
            case CannotPrepare e -> problem(503, "unavailable", "Service unavailable", e.getMessage(), List.of());
            // Jetty's own refusals of what it was asked to decode for us (a query string that is not UTF-8, say)
            case HttpException e when e.getCode() >= 400 && e.getCode() < 500 -> status(e.getCode(), e.getReason());
            default -> {
                LOG.error("request failed", failure);
                yield problem(503, "unavailable", "Service unavailable", UNAVAILABLE, List.of());
            }
        };
    }

    /**
     * A problem with the usual title of its status: "Malformed request" for 400, as {@link HttpError#badRequest} says
     * it, else the status's reason phrase. A server error says only that nothing was acknowledged.
     */
    static Problem status(int status, String detail) {
        if (status >= 500) {
            return problem(status, "unavailable", "Service unavailable", UNAVAILABLE, List.of());
        }
        String title = status == 400 ? HttpError.badRequest(detail).title : HttpStatus.getMessage(status);
        return problem(status, ProblemTypes.slugOf(status, title), title, detail == null || detail.isBlank() ? title : detail, List.of());
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
}

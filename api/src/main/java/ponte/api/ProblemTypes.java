package ponte.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every problem type Ponte answers with, each with the page {@code /problems/<slug>} serves (RFC 9457 section 3.1.1:
 * a type URI that is a locator should lead to documentation a person can read). A refusal whose kind is not listed
 * here is answered under its status's type, or {@code request-refused} / {@code unavailable}: so every type URI Ponte
 * sends has a page.
 */
final class ProblemTypes {
    /** A problem type: its slug (the last segment of its URI), the status it comes with, and what it means. */
    record Type(String slug, int status, String title, String meaning, String remedy) {}

    private static final Map<String, Type> BY_SLUG = new LinkedHashMap<>();

    static {
        for (Type t : List.of(
                new Type("malformed-request", 400, "Malformed request",
                        "The request could not be read: its JSON is malformed, its body is not a JSON object, a required body is missing, or its query string is not percent-encoded UTF-8.",
                        "Correct the request; sent again unchanged, it gets the same answer."),
                new Type("unauthenticated", 401, "Unauthenticated",
                        "No API key was sent, or the key is unknown, revoked or expired.",
                        "Send a valid key as 'Authorization: Bearer <key>'. An org's admin issues keys with POST /v1/orgs/{org}/keys."),
                new Type("forbidden", 403, "Forbidden",
                        "The key may see the resource, but its role does not allow this action (a partner key changing its org's item, an editor approving an agreement).",
                        "Use a key of the role the action needs: admin, editor or partner."),
                new Type("not-found", 404, "Not found",
                        "Nothing is there, or nothing the caller may see: Ponte answers the same for both, so no key learns of another org's resources.",
                        "Check the id, and that the key is one of the org that owns or may read the resource."),
                new Type("method-not-allowed", 405, "Method not allowed",
                        "The path exists, but not with this method. The Allow header lists the methods it has.",
                        "Use one of the methods in Allow."),
                new Type("not-acceptable", 406, "Not acceptable",
                        "None of the media types in Accept is one Ponte writes here.",
                        "Ask for ninjs JSON (application/json), Atom, RSS or NewsML-G2, as the operation documents."),
                new Type("request-timeout", 408, "Request timeout",
                        "The request did not arrive in full in time.",
                        "Send it again."),
                new Type("conflict", 409, "Conflict",
                        "The request clashes with what is stored: an id already taken by something else, a version that is not the current one, exclusive terms that overlap.",
                        "Read the resource as it is now, then decide again."),
                new Type("idempotency-key-in-use", 409, "Idempotency key in use",
                        "A request with this Idempotency-Key is still being processed.",
                        "Retry shortly: once the first request is answered, the retry gets its answer."),
                new Type("content-too-large", 413, "Content too large",
                        "The request body is larger than Ponte accepts here.",
                        "Send a smaller body; the detail says the limit."),
                new Type("uri-too-long", 414, "URI too long",
                        "The request target is longer than Ponte reads.",
                        "Shorten the path or the query."),
                new Type("invalid", 422, "Invalid input",
                        "The request is well-formed but breaks a rule: each entry of errors names a member or parameter by JSON Pointer and says what is wrong with it. Nothing was changed.",
                        "Correct each member errors names, then send the request again."),
                new Type("idempotency-key-reused", 422, "Idempotency key reused",
                        "This Idempotency-Key was used before for a different request (another method, path or body).",
                        "Use a new key for a new request; the same key only for a retry of the very same request."),
                new Type("too-many-requests", 429, "Too many requests",
                        "The key, or the client address, sent more requests than its rate limit allows.",
                        "Wait as long as Retry-After says; RateLimit and RateLimit-Policy say the limit and what is left of it."),
                new Type("request-header-fields-too-large", 431, "Request header fields too large",
                        "The request's headers are larger than Ponte reads.",
                        "Send smaller headers."),
                new Type("request-refused", 400, "Request refused",
                        "The request was refused before any operation ran; the status and the detail say why.",
                        "Correct the request as the detail says."),
                new Type("unavailable", 503, "Service unavailable",
                        "Ponte could not complete the request, and acknowledged nothing of it.",
                        "Retry later: a request that was not acknowledged did not happen."),
                new Type("not-ready", 503, "Not ready",
                        "A dependency of the node (its database, Kafka) does not answer now.",
                        "Send traffic to another node, or wait until /ready answers 200."))) {
            BY_SLUG.put(t.slug(), t);
        }
    }

    private ProblemTypes() {}

    static Optional<Type> bySlug(String slug) {
        return Optional.ofNullable(BY_SLUG.get(slug));
    }

    /**
     * The slug a refusal is answered under: the one named for its title ("Conflict" is conflict), else the first for its
     * status, else request-refused for a 4xx and unavailable for anything else.
     */
    static String slugOf(int status, String title) {
        String named = title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        if (BY_SLUG.containsKey(named)) {
            return named;
        }
        return BY_SLUG.values().stream().filter(t -> t.status() == status).map(Type::slug).findFirst()
                .orElse(status >= 400 && status < 500 ? "request-refused" : "unavailable");
    }

    static List<Type> all() {
        return List.copyOf(BY_SLUG.values());
    }
}

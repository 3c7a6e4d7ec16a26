package ponte.api;

import java.util.Optional;
import java.util.Set;
import ponte.core.Invalid;
import ponte.core.NotFound;
import ponte.core.access.Caller;
import ponte.core.delivery.Endpoint;
import ponte.core.delivery.EndpointFilter;
import ponte.core.delivery.EndpointId;
import ponte.core.delivery.Format;
import ponte.core.delivery.Progress;
import ponte.core.delivery.Secret;
import ponte.core.delivery.Subscribing;
import ponte.core.log.Cursor;
import ponte.core.products.ProductId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** /v1/endpoints: a partner's webhook endpoints, their attempts and dead letters, re-sends and replays. */
public final class EndpointsResource implements Resource {
    private static final Members FILTER = Members.of("languages", "products", "subjects");
    private static final Members NEW_ENDPOINT = Members.of("url", "format").with("filter", FILTER);
    private static final Members CHANGE = Members.of("url", "format", "paused").with("filter", FILTER);
    private static final Members REPLAY = Members.of("from");

    private final Subscribing subscribing;

    public EndpointsResource(Subscribing subscribing) {
        this.subscribing = subscribing;
    }

    @Override
    public void register(Routes routes) {
        routes.add("POST", "/v1/endpoints", this::create);
        routes.add("GET", "/v1/endpoints", this::list);
        routes.add("GET", "/v1/endpoints/{id}", this::show);
        routes.add("PATCH", "/v1/endpoints/{id}", this::change);
        routes.add("DELETE", "/v1/endpoints/{id}", this::delete);
        routes.add("POST", "/v1/endpoints/{id}/rotate-secret", this::rotate);
        routes.add("GET", "/v1/endpoints/{id}/deliveries", this::deliveries);
        routes.add("GET", "/v1/endpoints/{id}/dead-letters", this::deadLetters);
        routes.add("POST", "/v1/endpoints/{id}/dead-letters/resend", x -> resend(x, Optional.empty()));
        routes.add("POST", "/v1/endpoints/{id}/dead-letters/{entry}/resend", x -> resend(x, Optional.of(entry(x))));
        routes.add("POST", "/v1/endpoints/{id}/replay", this::replay);
    }

    private void create(Exchange x) {
        Caller caller = x.caller();
        JsonNode body = x.body(NEW_ENDPOINT);
        Subscribing.Created created = subscribing.create(caller, JsonInput.text(body, "url"),
                Format.fromWire(JsonInput.optionalText(body, "format").orElse("ninjs")), filter(body).orElse(EndpointFilter.ANY));
        ObjectNode view = view(created.endpoint(), subscribing.progress(caller, created.endpoint().id()));
        view.put("secret", created.secret().value());
        x.header("Location", "/v1/endpoints/" + created.endpoint().id());
        x.json(201, view);
    }

    /** The caller's org's endpoints in order of creation. */
    private void list(Exchange x) {
        Caller caller = x.caller();
        Paging.Page<Endpoint> page = Paging.of(x, subscribing.list(caller), e -> Paging.position(e.createdAt(), e.id().value()));
        Paging.send(x, page, e -> view(e, subscribing.progress(caller, e.id())));
    }

    private void show(Exchange x) {
        Caller caller = x.caller();
        EndpointId id = id(x);
        x.json(200, view(subscribing.get(caller, id), subscribing.progress(caller, id)));
    }

    private void change(Exchange x) {
        Caller caller = x.caller();
        EndpointId id = id(x);
        subscribing.get(caller, id); // 404 before reading the body's rules
        JsonNode body = x.body(CHANGE);
        Optional<Boolean> paused = JsonInput.optionalBoolean(body, "", "paused");
        Endpoint changed = subscribing.change(caller, id, new Subscribing.Changes(JsonInput.optionalText(body, "url"),
                JsonInput.optionalText(body, "format").map(Format::fromWire), filter(body), paused));
        x.json(200, view(changed, subscribing.progress(caller, id)));
    }

    private void delete(Exchange x) {
        subscribing.delete(x.caller(), id(x));
        x.send(204, "application/json", new byte[0]);
    }

    private void rotate(Exchange x) {
        Caller caller = x.caller();
        EndpointId id = id(x);
        x.optionalBody(Members.NONE);
        Secret fresh = subscribing.rotateSecret(caller, id);
        Endpoint endpoint = subscribing.get(caller, id);
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("id", id.value()).put("secret", fresh.value());
        endpoint.secrets().previousUntil().ifPresent(t -> body.put("previousSecretEndsAt", t.toString()));
        x.json(200, body);
    }

    /** Attempts newest first: a cursor is the last attempt shown, and the next page is the attempts made before it. */
    private void deliveries(Exchange x) {
        Caller caller = x.caller();
        EndpointId id = id(x);
        Optional<Long> before = x.query("after").map(EndpointsResource::attemptToken);
        int limit = Paging.limit(x, Paging.DEFAULT_LIMIT, Subscribing.MAX_PAGE);
        var attempts = subscribing.attempts(caller, id, before, limit + 1);
        Paging.send(x, Paging.of(attempts, limit, r -> "d" + Long.toString(r.seq(), 36)), r -> {
            var a = r.attempt();
            ObjectNode node = JsonNodeFactory.instance.objectNode().put("entry", a.entry().encode()).put("webhookId", a.webhookId())
                    .put("attempt", a.number()).put("attemptedAt", a.at().toString()).put("delivered", a.delivered());
            a.status().ifPresentOrElse(st -> node.put("status", st), () -> node.putNull("status"));
            node.put("latencyMs", a.latency().toMillis());
            a.error().ifPresent(err -> node.put("error", err));
            return node;
        });
    }

    private void deadLetters(Exchange x) {
        Caller caller = x.caller();
        EndpointId id = id(x);
        Cursor after = x.after();
        int limit = Paging.limit(x, Paging.DEFAULT_LIMIT, Subscribing.MAX_PAGE);
        var letters = subscribing.deadLetters(caller, id, after, limit + 1);
        Paging.send(x, Paging.of(letters, limit, l -> l.entry().encode()), l -> JsonNodeFactory.instance.objectNode()
                .put("entry", l.entry().encode()).put("item", l.item().value()).put("version", l.version())
                .put("event", l.event().wire()).put("attempts", l.attempts()).put("deadAt", l.at().toString()).put("lastError", l.lastError()));
    }

    private void resend(Exchange x, Optional<Cursor> entry) {
        Caller caller = x.caller();
        x.optionalBody(Members.NONE);
        int marked = subscribing.resend(caller, id(x), entry);
        x.json(202, JsonNodeFactory.instance.objectNode().put("resending", marked));
    }

    private void replay(Exchange x) {
        Caller caller = x.caller();
        EndpointId id = id(x);
        subscribing.get(caller, id);
        String from = JsonInput.text(x.body(REPLAY), "from");
        Cursor cursor = subscribing.replay(caller, id, from(from));
        x.json(200, JsonNodeFactory.instance.objectNode().put("id", id.value()).put("cursor", cursor.encode()));
    }

    /** A cursor Ponte issued, or an RFC 3339 time. */
    private static Subscribing.From from(String value) {
        if (value.startsWith("c")) {
            return new Subscribing.From.After(Cursor.parse("from", value));
        }
        return new Subscribing.From.Since(Rfc3339.instant(value)
                .orElseThrow(() -> new Invalid("/from", "from must be a cursor (c…) or an RFC 3339 time such as 2026-02-06T19:00:00Z")));
    }

    private static Optional<EndpointFilter> filter(JsonNode body) {
        JsonNode f = body.get("filter");
        if (f == null || f.isNull()) {
            return Optional.empty();
        }
        if (!f.isObject()) {
            throw new Invalid("/filter", "filter must be an object with languages, products and subjects");
        }
        Set<String> languages = f.has("languages") ? JsonInput.textsAt(f.get("languages"), "/filter/languages") : Set.of();
        Set<String> products = f.has("products") ? JsonInput.textsAt(f.get("products"), "/filter/products") : Set.of();
        Set<String> subjects = f.has("subjects") ? JsonInput.textsAt(f.get("subjects"), "/filter/subjects") : Set.of();
        Set<ProductId> productIds = JsonInput.at("/filter/products", () -> products.stream().map(ProductId::new).collect(java.util.stream.Collectors.toSet()));
        // EndpointFilter points its refusals into the body itself (/filter/languages, /filter/products)
        return Optional.of(JsonInput.within("", () -> new EndpointFilter(languages, productIds, subjects)));
    }

    private static ObjectNode view(Endpoint e, Progress p) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("id", e.id().value()).put("url", e.url()).put("format", e.format().wire());
        ObjectNode filter = node.putObject("filter");
        e.filter().languages().stream().sorted().forEach(filter.putArray("languages")::add);
        e.filter().products().stream().map(ProductId::value).sorted().forEach(filter.putArray("products")::add);
        e.filter().subjects().stream().sorted().forEach(filter.putArray("subjects")::add);
        node.put("state", e.state().wire());
        e.reason().ifPresent(r -> node.put("reason", r));
        node.put("createdAt", e.createdAt().toString());
        node.put("cursor", p.cursor().encode());
        p.pending().ifPresent(pending -> node.putObject("retrying").put("entry", pending.entry().encode())
                .put("attempts", pending.attempts()).put("nextAttemptAt", pending.nextAttempt().toString()));
        p.failingSince().ifPresent(t -> node.put("firstFailureAt", t.toString()));
        e.secrets().previousUntil().ifPresent(t -> node.put("previousSecretEndsAt", t.toString()));
        return node;
    }

    private static EndpointId id(Exchange x) {
        try {
            return new EndpointId(x.path("id"));
        } catch (Invalid e) {
            throw new NotFound("no such endpoint");
        }
    }

    private static Cursor entry(Exchange x) {
        try {
            return Cursor.parse("entry", x.path("entry"));
        } catch (Invalid e) {
            throw new NotFound("no dead letter " + x.path("entry"));
        }
    }

    private static long attemptToken(String token) {
        try {
            if (token.startsWith("d") && token.length() <= 14) {
                return Long.parseLong(token.substring(1), 36);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new Invalid("/after", "'" + token + "' is not a position Ponte issued");
    }
}

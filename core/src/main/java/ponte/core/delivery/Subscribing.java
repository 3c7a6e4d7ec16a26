package ponte.core.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import ponte.core.Ids;
import ponte.core.Invalid;
import ponte.core.NotFound;
import ponte.core.UrlGuard;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.agreements.Dealings;
import ponte.core.audit.Action;
import ponte.core.audit.Audit;
import ponte.core.log.ContentLog;
import ponte.core.log.Cursor;
import ponte.core.orgs.OrgId;
import ponte.core.products.Product;
import ponte.core.products.ProductId;

/**
 * A partner managing its org's webhook endpoints: create, change, pause, remove, rotate secrets, read attempts and
 * dead letters, re-send and replay. Another org's endpoint is not found, in the same words as a missing one.
 */
public final class Subscribing {
    public static final int MAX_PAGE = 500;

    /** A new endpoint and its secret, shown once. */
    public record Created(Endpoint endpoint, Secret secret) {}

    /** A PATCH: each present field changes. */
    public record Changes(Optional<String> url, Optional<Format> format, Optional<EndpointFilter> filter, Optional<Boolean> paused) {
        /** Which fields the change names, and the new url, format and pause; for the audit trail. */
        String describe() {
            List<String> parts = new java.util.ArrayList<>();
            url.ifPresent(u -> parts.add("url to " + u));
            format.ifPresent(f -> parts.add("format to " + f.wire()));
            filter.ifPresent(f -> parts.add("filter"));
            paused.ifPresent(p -> parts.add(p ? "paused" : "unpaused"));
            return parts.isEmpty() ? "nothing" : String.join(", ", parts);
        }
    }

    /** Where a replay starts: after a cursor, or after the last entry appended before a time. */
    public sealed interface From {
        record After(Cursor cursor) implements From {}

        record Since(Instant time) implements From {}
    }

    private final Endpoints endpoints;
    private final Deliveries deliveries;
    private final UrlGuard guard;
    private final ContentLog log;
    private final Consumer<EndpointId> changed;
    private final Audit audit;
    private final Clock clock;
    private final RandomGenerator random;
    private final Ids ids;
    private final Dealings dealings;

    /** @param changed told after every change, so the pusher picks it up at once */
    public Subscribing(Endpoints endpoints, Deliveries deliveries, UrlGuard guard, ContentLog log, Consumer<EndpointId> changed,
                       Audit audit, Clock clock, RandomGenerator random, Ids ids, Dealings dealings) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.guard = guard;
        this.log = log;
        this.changed = changed;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
        this.ids = ids;
        this.dealings = dealings;
    }

    /** A new endpoint receives what is appended from now on; replay reaches back. */
    public Created create(Caller caller, String url, Format format, EndpointFilter filter) {
        OrgId org = caller.actingFor(Role.PARTNER);
        requireKnown(caller, filter);
        guard.check(url);
        Secret secret = Secret.generate(random);
        Endpoint endpoint = new Endpoint(new EndpointId("ep_" + ids.next()), org, url, format, filter, Secrets.of(secret),
                EndpointState.ACTIVE, Optional.empty(), clock.instant());
        Cursor start = log.head();
        audit.change(caller, Action.ENDPOINT_CREATE, () -> endpoints.create(endpoint, start),
                note(endpoint, "created " + format.wire() + " endpoint to " + url + ", from " + start));
        changed.accept(endpoint.id());
        return new Created(endpoint, secret);
    }

    public List<Endpoint> list(Caller caller) {
        return endpoints.of(caller.actingFor(Role.PARTNER));
    }

    /** The endpoint, to any key of its org (every role may manage them); to anyone else, the operator too, it does not exist. */
    public Endpoint get(Caller caller, EndpointId id) {
        return endpoints.byId(id).filter(e -> caller.belongsTo(e.org())).orElseThrow(() -> new NotFound("no such endpoint"));
    }

    public Progress progress(Caller caller, EndpointId id) {
        return endpoints.progress(get(caller, id).id());
    }

    public Endpoint change(Caller caller, EndpointId id, Changes changes) {
        Endpoint endpoint = get(caller, id);
        if (changes.url().isPresent()) {
            guard.check(changes.url().get());
            endpoint = endpoint.withUrl(changes.url().get());
        }
        endpoint = changes.format().map(endpoint::withFormat).orElse(endpoint);
        changes.filter().ifPresent(f -> requireKnown(caller, f));
        endpoint = changes.filter().map(endpoint::withFilter).orElse(endpoint);
        boolean reenabled = false;
        if (changes.paused().isPresent()) {
            boolean pause = changes.paused().get();
            reenabled = !pause && endpoint.state() == EndpointState.DISABLED;
            endpoint = pause ? endpoint.paused() : endpoint.active();
        }
        Endpoint changedTo = endpoint;
        boolean restart = reenabled;
        audit.change(caller, Action.ENDPOINT_UPDATE, () -> {
            if (restart) {
                // A fresh start on the entry it stopped at: the schedule and the failure streak begin again. The line
                // first, then the endpoint: the order the delivery journal locks them in, so the two never deadlock.
                endpoints.moveTo(id, endpoints.progress(id).cursor());
            }
            endpoints.update(changedTo);
        }, note(changedTo, "changed " + changes.describe() + (restart ? "; re-enabled" : "")));
        changed.accept(id);
        return changedTo;
    }

    /** A filter names products the caller's org may see (its own, those licensed to it): anything else is unknown to it. */
    private void requireKnown(Caller caller, EndpointFilter filter) {
        if (filter.products().isEmpty()) {
            return;
        }
        Set<ProductId> visible = dealings.products(caller).stream().map(Product::id).collect(Collectors.toSet());
        filter.products().stream().filter(p -> !visible.contains(p)).sorted().findFirst().ifPresent(p -> {
            throw new Invalid("/filter/products", "unknown product '" + p + "': a filter names your own products or those licensed to you");
        });
    }

    public void delete(Caller caller, EndpointId id) {
        Endpoint endpoint = get(caller, id);
        audit.change(caller, Action.ENDPOINT_DELETE, () -> endpoints.delete(id), note(endpoint, "deleted endpoint to " + endpoint.url()));
        changed.accept(id);
    }

    /** The old secret keeps signing, beside the new one, for {@link Secrets#OVERLAP}. */
    public Secret rotateSecret(Caller caller, EndpointId id) {
        Endpoint endpoint = get(caller, id);
        Secret fresh = Secret.generate(random);
        audit.change(caller, Action.ENDPOINT_ROTATE_SECRET, () -> endpoints.update(endpoint.withSecrets(endpoint.secrets().rotate(fresh, clock.instant()))),
                note(endpoint, "rotated the signing secret; the old one signs too for " + Secrets.OVERLAP));
        changed.accept(id);
        return fresh;
    }

    public List<Deliveries.Recorded> attempts(Caller caller, EndpointId id, Optional<Long> before, int limit) {
        requireLimit(limit);
        return deliveries.attempts(get(caller, id).id(), before, limit);
    }

    public List<DeadLetter> deadLetters(Caller caller, EndpointId id, Cursor after, int limit) {
        requireLimit(limit);
        return deliveries.deadLetters(get(caller, id).id(), after, limit);
    }

    /** Marks one dead letter, or all when {@code entry} is empty, for one more attempt; returns how many. */
    public int resend(Caller caller, EndpointId id, Optional<Cursor> entry) {
        Endpoint endpoint = get(caller, id);
        int marked = audit.change(caller, Action.ENDPOINT_RESEND, () -> {
            int n = deliveries.requestResend(endpoint.id(), entry);
            if (entry.isPresent() && n == 0) {
                throw new NotFound("no dead letter at " + entry.get() + " for this endpoint");
            }
            return n;
        }, n -> note(endpoint, "asked to re-send " + entry.map(e -> "the dead letter at " + e).orElse(n + " dead letters")));
        changed.accept(id);
        return marked;
    }

    /** Moves the endpoint's cursor back: every entry after {@code from} is delivered again, with the same webhook-ids. */
    public Cursor replay(Caller caller, EndpointId id, From from) {
        Endpoint endpoint = get(caller, id);
        Cursor target = switch (from) {
            case From.After a -> a.cursor();
            case From.Since s -> log.before(s.time());
        };
        Cursor current = endpoints.progress(endpoint.id()).cursor();
        if (target.compareTo(current) > 0) {
            throw new Invalid("/from", "replay moves the cursor back: " + target + " is after the endpoint's position " + current);
        }
        audit.change(caller, Action.ENDPOINT_REPLAY, () -> endpoints.moveTo(endpoint.id(), target),
                note(endpoint, "replayed from " + target + " (was at " + current + ")"));
        changed.accept(id);
        return target;
    }

    private static Audit.Note note(Endpoint endpoint, String summary) {
        return new Audit.Note(endpoint.id().value(), summary, Set.of(endpoint.org()));
    }

    /** A page and one more: a list reads one past its page to tell whether another follows. */
    private static void requireLimit(int limit) {
        if (limit < 1 || limit > MAX_PAGE + 1) {
            throw new Invalid("/limit", "limit must be between 1 and " + MAX_PAGE);
        }
    }
}

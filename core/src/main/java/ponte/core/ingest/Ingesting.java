package ponte.core.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ponte.core.Ids;
import ponte.core.NotFound;
import ponte.core.UrlGuard;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.audit.Action;
import ponte.core.audit.Audit;
import ponte.core.orgs.OrgId;
import ponte.core.products.ProductId;
import ponte.core.products.Products;

/** An editor managing its org's sources (an uploaded document is {@link Backfilling#upload}'s). */
public final class Ingesting {
    /** What PATCH may change; empty fields stay as they are. */
    public record Changes(Optional<String> url, Optional<SourceFormat> format, Optional<Duration> interval,
                          Optional<Set<ProductId>> products, Optional<Boolean> paused) {
        /** What the change sets, for the audit trail. */
        String describe() {
            List<String> parts = new java.util.ArrayList<>();
            url.ifPresent(u -> parts.add("url to " + u));
            format.ifPresent(f -> parts.add("format to " + f.wire()));
            interval.ifPresent(i -> parts.add("interval to " + i));
            products.ifPresent(p -> parts.add("products to " + String.join(", ", p.stream().map(ProductId::value).sorted().toList())));
            paused.ifPresent(p -> parts.add(p ? "paused" : "unpaused"));
            return parts.isEmpty() ? "nothing" : String.join(", ", parts);
        }
    }

    private final Sources sources;
    private final Products products;
    private final Importing importing;
    private final Polling polling;
    private final UrlGuard guard;
    private final Audit audit;
    private final Ids ids;
    private final Clock clock;

    /** @param guard refuses urls Ponte must not fetch from (private networks, metadata services), before anything is stored */
    public Ingesting(Sources sources, Products products, Importing importing, Polling polling, UrlGuard guard, Audit audit, Ids ids,
                     Clock clock) {
        this.sources = sources;
        this.products = products;
        this.importing = importing;
        this.polling = polling;
        this.guard = guard;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    public Source register(Caller caller, String url, SourceFormat format, Duration interval, Set<ProductId> productIds) {
        OrgId org = caller.actingFor(Role.EDITOR);
        products.requireOwned(org, productIds, "/products");
        Source source = new Source(ids.next(), org, url, format, interval, productIds, false, clock.instant());
        guard.check(source.url());
        audit.change(caller, Action.SOURCE_REGISTER, () -> sources.create(source),
                note(source, "registered " + format.wire() + " source " + url + " every " + interval));
        polling.start(source);
        return source;
    }

    public List<Source> list(Caller caller) {
        return sources.byOrg(caller.actingFor(Role.EDITOR));
    }

    public Source get(Caller caller, String id) {
        // Another org's source answers as a missing one, whatever the role: its existence is not the caller's business.
        Source source = sources.byId(id).filter(s -> caller.belongsTo(s.org())).orElseThrow(() -> new NotFound("no such source"));
        caller.actingFor(Role.EDITOR);
        return source;
    }

    public SourceStatus status(Caller caller, String id) {
        return sources.status(get(caller, id).id());
    }

    public Source change(Caller caller, String id, Changes changes) {
        Source current = get(caller, id);
        changes.products().ifPresent(p -> products.requireOwned(current.org(), p, "/products"));
        Source changed = current.with(changes.url().orElse(current.url()), changes.format().orElse(current.format()),
                changes.interval().orElse(current.interval()), changes.products().orElse(current.products()),
                changes.paused().orElse(current.paused()));
        if (changes.url().isPresent()) {
            guard.check(changed.url());
        }
        audit.change(caller, Action.SOURCE_UPDATE, () -> sources.update(changed), note(changed, "changed " + changes.describe()));
        polling.wake(id);
        return changed;
    }

    public void remove(Caller caller, String id) {
        Source source = get(caller, id);
        polling.stop(id);
        audit.change(caller, Action.SOURCE_DELETE, () -> sources.delete(id), note(source, "deleted source " + source.url()));
    }

    /** Polls the source now rather than at its next interval; what the poll files is recorded item by item. */
    public void pollNow(Caller caller, String id) {
        Source source = get(caller, id);
        audit.record(caller, Action.SOURCE_POLL, note(source, "asked for a poll of " + source.url() + " now"));
        polling.wake(source.id());
    }

    private static Audit.Note note(Source source, String summary) {
        return new Audit.Note(source.id(), summary, Set.of(source.org()));
    }
}

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
import ponte.core.orgs.OrgId;
import ponte.core.products.ProductId;
import ponte.core.products.Products;

/** An editor managing its org's sources and importing uploaded documents. */
public final class Ingesting {
    /** What PATCH may change; empty fields stay as they are. */
    public record Changes(Optional<String> url, Optional<SourceFormat> format, Optional<Duration> interval,
                          Optional<Set<ProductId>> products, Optional<Boolean> paused) {}

    private final Sources sources;
    private final Products products;
    private final Importing importing;
    private final Polling polling;
    private final UrlGuard guard;
    private final Ids ids;
    private final Clock clock;

    /** @param guard refuses urls Ponte must not fetch from (private networks, metadata services), before anything is stored */
    public Ingesting(Sources sources, Products products, Importing importing, Polling polling, UrlGuard guard, Ids ids, Clock clock) {
        this.sources = sources;
        this.products = products;
        this.importing = importing;
        this.polling = polling;
        this.guard = guard;
        this.ids = ids;
        this.clock = clock;
    }

    public Source register(Caller caller, String url, SourceFormat format, Duration interval, Set<ProductId> productIds) {
        OrgId org = caller.actingFor(Role.EDITOR);
        products.requireOwned(org, productIds, "/products");
        Source source = new Source(ids.next(), org, url, format, interval, productIds, false, clock.instant());
        guard.check(source.url());
        sources.create(source);
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
        sources.update(changed);
        polling.wake(id);
        return changed;
    }

    public void remove(Caller caller, String id) {
        get(caller, id);
        polling.stop(id);
        sources.delete(id);
    }

    /** Polls the source now rather than at its next interval. */
    public void pollNow(Caller caller, String id) {
        polling.wake(get(caller, id).id());
    }

    /** Imports the entries of one uploaded document. */
    public Report importDocument(Caller caller, Set<ProductId> productIds, List<Incoming> entries) {
        OrgId org = caller.actingFor(Role.EDITOR);
        products.requireOwned(org, productIds, "/products");
        return importing.apply(org, productIds, entries);
    }
}

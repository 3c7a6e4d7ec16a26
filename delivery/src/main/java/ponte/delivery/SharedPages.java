package ponte.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import ponte.core.log.Cursor;
import ponte.core.log.Feeds;
import ponte.core.orgs.OrgId;

/**
 * A short-lived cache of feed pages shared by an org's endpoints: reads the org's entries through {@link Feeds#routed}
 * (the one gated read path, so each page carries the gate's answers), sharing each read among the org's endpoints: when one item fans out to thousands of endpoints of an org, they all ask for the same
 * page at the same moment, and the database answers once. A shared page is reused only until the next entry is
 * routed to the org, and for at most a second (the gate's answer may change with time).
 */
final class SharedPages {
    private static final Duration REUSE = Duration.ofSeconds(1);

    private record Key(OrgId org, long after, int limit) {}

    private record Shared(CompletableFuture<Feeds.Page> page, long version, Instant at) {}

    private final Feeds feeds;
    private final Clock clock;
    private final Map<OrgId, AtomicLong> versions = new ConcurrentHashMap<>();
    private final Map<Key, Shared> pages = new ConcurrentHashMap<>();

    SharedPages(Feeds feeds, Clock clock) {
        this.feeds = feeds;
        this.clock = clock;
    }

    /** Entries were routed to these orgs: pages read before are stale. */
    void appended(Set<OrgId> orgs) {
        orgs.forEach(org -> version(org).incrementAndGet());
        if (pages.size() > 10_000) {
            pages.clear(); // only a memo: dropping it costs one read per endpoint
        }
    }

    Feeds.Page read(OrgId org, Cursor after, int limit) {
        Key key = new Key(org, after.seq(), limit);
        // The version is taken before reading: an entry committed during the read bumps it, so the page is not reused.
        long version = version(org).get();
        Instant now = clock.instant();
        CompletableFuture<Feeds.Page> mine = new CompletableFuture<>();
        Shared candidate = new Shared(mine, version, now);
        Shared shared = pages.compute(key, (k, old) ->
                old != null && old.version() == version && Duration.between(old.at(), now).compareTo(REUSE) < 0
                        && !old.page().isCompletedExceptionally() ? old : candidate);
        if (shared == candidate) {
            try {
                mine.complete(feeds.routed(org, after, limit));
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
                pages.remove(key, candidate);
                throw e;
            }
        }
        return shared.page().join();
    }

    /** The entry at this cursor with the gate's answer for it now; empty when the org may no longer receive it. */
    Optional<Admitted> entry(OrgId org, Cursor at) {
        return Admitted.of(read(org, new Cursor(at.seq() - 1), 1)).stream().filter(a -> a.entry().cursor().equals(at)).findFirst();
    }

    private AtomicLong version(OrgId org) {
        return versions.computeIfAbsent(org, o -> new AtomicLong());
    }
}

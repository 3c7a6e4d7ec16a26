package ponte.core.media;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import ponte.core.NotAllowed;
import ponte.core.NotFound;
import ponte.core.access.Caller;
import ponte.core.audit.Action;
import ponte.core.audit.Audit;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Orgs;

/**
 * A partner's admin choosing which renditions and subtitle languages its feeds, items and webhooks list. Renderers ask
 * {@link #profile(OrgId)} for every item they render, so profiles are kept in memory for a few seconds: a change made
 * on another node shows within {@link #FRESH}, one made here at once.
 */
public final class ChoosingRenditions {
    static final Duration FRESH = Duration.ofSeconds(5);

    private record Cached(RenditionProfile profile, Instant at) {}

    private final RenditionProfiles profiles;
    private final Orgs orgs;
    private final Audit audit;
    private final Clock clock;
    private final ConcurrentMap<OrgId, Cached> cache = new ConcurrentHashMap<>();

    public ChoosingRenditions(RenditionProfiles profiles, Orgs orgs, Audit audit, Clock clock) {
        this.profiles = profiles;
        this.orgs = orgs;
        this.audit = audit;
        this.clock = clock;
    }

    public RenditionProfile get(Caller caller, OrgId org) {
        requireAdmin(caller, existing(org));
        return profiles.of(org).orElse(RenditionProfile.EVERYTHING);
    }

    public RenditionProfile choose(Caller caller, OrgId org, RenditionProfile profile) {
        requireAdmin(caller, existing(org));
        audit.change(caller, Action.RENDITION_PROFILE_SET, () -> profiles.save(org, profile), new Audit.Note(org.value(),
                "chose renditions " + describe(profile.renditions()) + " and subtitles " + describe(profile.subtitles()), Set.of(org)));
        cache.remove(org);
        return profile;
    }

    /**
     * What the org receives; the same object while it is unchanged (renderers key their caches by it). Every
     * rendition for an org without a profile.
     */
    public RenditionProfile profile(OrgId org) {
        Instant now = clock.instant();
        Cached cached = cache.get(org);
        if (cached != null && cached.at().plus(FRESH).isAfter(now)) {
            return cached.profile();
        }
        RenditionProfile stored = profiles.of(org).orElse(RenditionProfile.EVERYTHING);
        // Keep the object a renderer already keyed its cache by when nothing changed.
        RenditionProfile same = cached != null && cached.profile().equals(stored) ? cached.profile() : stored;
        cache.put(org, new Cached(same, now));
        return same;
    }

    private OrgId existing(OrgId org) {
        return orgs.byId(org).orElseThrow(() -> new NotFound("no organisation " + org)).id();
    }

    private static void requireAdmin(Caller caller, OrgId org) {
        if (!caller.administers(org)) {
            throw new NotAllowed("rendition profiles are chosen by the org's own admin key (or the bootstrap admin key)");
        }
    }

    private static String describe(Set<String> values) {
        return values.isEmpty() ? "(all)" : String.join(", ", new java.util.TreeSet<>(values));
    }
}

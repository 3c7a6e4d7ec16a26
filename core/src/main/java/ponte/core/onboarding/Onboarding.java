package ponte.core.onboarding;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import ponte.core.Invalid;
import ponte.core.NotAllowed;
import ponte.core.NotFound;
import ponte.core.access.Caller;
import ponte.core.access.IssuedKey;
import ponte.core.access.Key;
import ponte.core.access.KeyId;
import ponte.core.access.KeyPosition;
import ponte.core.access.Keys;
import ponte.core.access.NewKey;
import ponte.core.licensing.Entitlements;
import ponte.core.orgs.Org;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Orgs;
import ponte.core.orgs.Outlet;

/** Bringing organisations onto the network and giving them keys. */
public final class Onboarding {
    private final Orgs orgs;
    private final Keys keys;
    private final Entitlements entitlements;
    private final Clock clock;

    public Onboarding(Orgs orgs, Keys keys, Entitlements entitlements, Clock clock) {
        this.orgs = orgs;
        this.keys = keys;
        this.entitlements = entitlements;
        this.clock = clock;
    }

    public Org register(Caller caller, Org org) {
        if (!(caller instanceof Caller.Operator)) {
            throw new NotAllowed("only the bootstrap admin key registers organisations");
        }
        Org registered = orgs.register(org);
        entitlements.refresh(); // a new org brings its territories
        return registered;
    }

    /** Adds an outlet; its country becomes one of the org's territories. */
    public Outlet addOutlet(Caller caller, Outlet outlet) {
        requireAdmin(caller, existing(outlet.org()), "adding outlets");
        Outlet added = orgs.addOutlet(outlet);
        entitlements.refresh();
        return added;
    }

    public IssuedKey issueKey(Caller caller, NewKey key) {
        requireAdmin(caller, existing(key.org()), "issuing keys");
        if (key.expiresAt().isPresent() && !key.expiresAt().get().isAfter(clock.instant())) {
            throw new Invalid("/expiresAt", "expiresAt must be in the future");
        }
        return keys.issue(key);
    }

    /** The org's keys in order of issue, a page at a time; never their secrets, which no store keeps. */
    public List<Key> keys(Caller caller, OrgId org, Optional<KeyPosition> after, int limit) {
        requireAdmin(caller, existing(org), "listing keys");
        return keys.of(org, after, limit);
    }

    /**
     * Revokes a key of the org. Any admin of the org may revoke any of its keys, its own included: refusing would keep
     * a leaked admin key alive.
     */
    public void revokeKey(Caller caller, OrgId org, KeyId id) {
        requireAdmin(caller, existing(org), "revoking keys");
        if (!keys.revoke(org, id)) {
            throw new NotFound("no key " + id + " in organisation " + org);
        }
    }

    /** An org every key may see (its profile is public), so an unknown one is 404 before any question of role. */
    private OrgId existing(OrgId org) {
        return orgs.byId(org).orElseThrow(() -> new NotFound("no organisation " + org)).id();
    }

    private static void requireAdmin(Caller caller, OrgId org, String action) {
        if (!caller.administers(org)) {
            throw new NotAllowed(action + " needs the bootstrap admin key or the org's own admin key");
        }
    }
}

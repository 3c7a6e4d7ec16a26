package ponte.core.onboarding;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import ponte.core.audit.Action;
import ponte.core.audit.Audit;
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
    private final Audit audit;
    private final Clock clock;

    public Onboarding(Orgs orgs, Keys keys, Entitlements entitlements, Audit audit, Clock clock) {
        this.orgs = orgs;
        this.keys = keys;
        this.entitlements = entitlements;
        this.audit = audit;
        this.clock = clock;
    }

    /** Registers an org; the same org again is a retry, answered as it is and not recorded twice. */
    public Org register(Caller caller, Org org) {
        if (!(caller instanceof Caller.Operator)) {
            throw new NotAllowed("only the bootstrap admin key registers organisations");
        }
        if (orgs.byId(org.id()).filter(org::equals).isPresent()) {
            return org;
        }
        Org registered = audit.change(caller, Action.ORG_REGISTER, () -> orgs.register(org),
                o -> new Audit.Note(o.id().value(), "registered " + o.kind().wire() + " '" + o.name() + "' in " + o.country(), Set.of(o.id())));
        entitlements.refresh(Set.of(registered.id())); // a new org brings its territories
        return registered;
    }

    /** Adds an outlet; its country becomes one of the org's territories. The same outlet again changes nothing. */
    public Outlet addOutlet(Caller caller, Outlet outlet) {
        requireAdmin(caller, existing(outlet.org()), "adding outlets");
        Optional<Outlet> known = orgs.outlets(outlet.org()).stream().filter(o -> o.name().equals(outlet.name())).findFirst();
        if (known.isPresent()) {
            return known.get();
        }
        Outlet added = audit.change(caller, Action.OUTLET_ADD, () -> orgs.addOutlet(outlet),
                o -> new Audit.Note(o.org().value(), "added outlet '" + o.name() + "' in " + o.country(), Set.of(o.org())));
        entitlements.refresh(Set.of(added.org()));
        return added;
    }

    public IssuedKey issueKey(Caller caller, NewKey key) {
        requireAdmin(caller, existing(key.org()), "issuing keys");
        if (key.expiresAt().isPresent() && !key.expiresAt().get().isAfter(clock.instant())) {
            throw new Invalid("/expiresAt", "expiresAt must be in the future");
        }
        return audit.change(caller, Action.KEY_ISSUE, () -> keys.issue(key), issued -> new Audit.Note(issued.key().id().value(),
                "issued " + key.role().wire() + " key of " + key.org() + key.label().map(l -> " labelled '" + l + "'").orElse(""),
                Set.of(key.org())));
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
        audit.change(caller, Action.KEY_REVOKE, () -> {
            if (!keys.revoke(org, id)) {
                throw new NotFound("no key " + id + " in organisation " + org);
            }
        }, new Audit.Note(id.value(), "revoked key " + id + " of " + org, Set.of(org)));
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

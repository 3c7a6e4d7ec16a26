package ponte.core.onboarding;

import ponte.core.NotAllowed;
import ponte.core.NotFound;
import ponte.core.access.Caller;
import ponte.core.access.Keys;
import ponte.core.access.Role;
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

    public Onboarding(Orgs orgs, Keys keys, Entitlements entitlements) {
        this.orgs = orgs;
        this.keys = keys;
        this.entitlements = entitlements;
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

    public String issueKey(Caller caller, OrgId org, Role role) {
        requireAdmin(caller, existing(org), "issuing keys");
        return keys.issue(org, role);
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

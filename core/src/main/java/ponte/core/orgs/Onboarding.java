package ponte.core.orgs;

import ponte.core.NotAllowed;
import ponte.core.NotFound;
import ponte.core.access.Caller;
import ponte.core.access.Keys;
import ponte.core.access.Role;
import ponte.core.licensing.Entitlements;

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

    public String issueKey(Caller caller, OrgId org, Role role) {
        if (!caller.administers(org)) {
            if (caller instanceof Caller.Member m && m.org().equals(org)) {
                throw new NotAllowed("issuing keys needs the admin role");
            }
            throw new NotAllowed("only the bootstrap admin or the org's own admin issues its keys");
        }
        orgs.byId(org).orElseThrow(() -> new NotFound("no organisation " + org));
        return keys.issue(org, role);
    }
}

package ponte.core.accounts;

import java.util.Optional;
import java.util.Set;
import ponte.core.Conflict;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.agreements.Agreeing;
import ponte.core.onboarding.Onboarding;
import ponte.core.orgs.Org;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.Orgs;
import ponte.core.products.ProductId;

/**
 * Bringing a new partner organisation on board in one flow: the inviting org's admin (or the operator) registers the
 * new org, offers it licences to its products (in force at once, so its first feed has the inviter's recent items),
 * and gets a one-time link for the new org's first admin, who sets a password and takes it from there.
 */
public final class Inviting {
    /** What an invitation made: the new org, the user name its link is for, and the link's token (shown once). */
    public record Invited(Org org, String username, String token, Optional<String> agreement) {
        @Override
        public String toString() {
            return "Invited[" + org.id() + ", " + username + "]"; // never the token
        }
    }

    private final Onboarding onboarding;
    private final Agreeing agreeing;
    private final Accounts accounts;
    private final Orgs orgs;

    public Inviting(Onboarding onboarding, Agreeing agreeing, Accounts accounts, Orgs orgs) {
        this.orgs = orgs;
        this.onboarding = onboarding;
        this.agreeing = agreeing;
        this.accounts = accounts;
    }

    /**
     * @param offered the inviter's products licensed to the new org at once (none for the operator, who owns none)
     */
    public Invited invite(Caller caller, Org org, Set<ProductId> offered) {
        Optional<OrgId> inviter = caller instanceof Caller.Operator ? Optional.empty() : Optional.of(caller.actingFor(Role.ADMIN));
        // An invitation brings a new org: it must never hand someone an admin's link to an org that exists.
        if (orgs.byId(org.id()).isPresent()) {
            throw new Conflict("an organisation with the id " + org.id() + " is on the network already");
        }
        // Registering orgs is the operator's; an org's admin inviting a partner is the node registering it on their behalf.
        Caller node = new Caller.Operator(caller.address());
        Org registered = onboarding.register(node, org);
        Optional<String> agreement = Optional.empty();
        if (inviter.isPresent() && !offered.isEmpty()) {
            agreement = Optional.of(agreeing.offer(caller, Optional.of("welcome-" + inviter.get() + "-" + org.id()), org.id(), offered).id());
        }
        String username = org.id().value() + "-admin";
        String token = accounts.invite(node, registered.id(), username, Role.ADMIN);
        return new Invited(registered, username, token, agreement);
    }
}

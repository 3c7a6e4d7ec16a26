package ponte.core.access;

import ponte.core.NotAllowed;
import ponte.core.orgs.OrgId;

/** The authenticated party behind a request. */
public sealed interface Caller {

    /** Holder of the bootstrap admin key: manages orgs and their keys, belongs to no org and reads no content. */
    record Operator() implements Caller {}

    /** Holder of an org's key. */
    record Member(OrgId org, Role role) implements Caller {}

    /** The org this caller acts for with at least {@code role}, or a refusal. */
    default OrgId actingFor(Role role) {
        if (this instanceof Member m && m.role().includes(role)) {
            return m.org();
        }
        throw new NotAllowed("this action needs a key with the " + role.wire() + " role");
    }

    /** Whether the caller may manage {@code org}: the operator, or that org's admin. */
    default boolean administers(OrgId org) {
        return this instanceof Operator || (this instanceof Member m && m.org().equals(org) && m.role() == Role.ADMIN);
    }
}

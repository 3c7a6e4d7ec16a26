package ponte.core.access;

import java.util.Optional;
import java.util.Set;
import ponte.core.NotAllowed;
import ponte.core.orgs.OrgId;

/**
 * The authenticated party behind a request.
 *
 * <p>Every operation on something an org owns asks two questions, in this order: may the caller see it (is the key one
 * of an owner's, {@link #belongsToAny}), and if so, has it the role for this action ({@link #actingFor}). A no to the
 * first is "not found" whatever the role, so a key never learns of another org's resources; only a no to the second
 * is "not allowed".
 */
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

    /** The org whose key this is, of any role; the operator's belongs to none. */
    default Optional<OrgId> memberOf() {
        return this instanceof Member m ? Optional.of(m.org()) : Optional.empty();
    }

    /** Whether the key is one of these orgs', of any role: who may see what those orgs own. */
    default boolean belongsToAny(Set<OrgId> orgs) {
        return this instanceof Member m && orgs.contains(m.org());
    }

    /** Whether the key is this org's, of any role. */
    default boolean belongsTo(OrgId org) {
        return belongsToAny(Set.of(org));
    }

    /** Whether the caller may manage {@code org}: the operator, or that org's admin. */
    default boolean administers(OrgId org) {
        return this instanceof Operator || (this instanceof Member m && m.org().equals(org) && m.role() == Role.ADMIN);
    }
}

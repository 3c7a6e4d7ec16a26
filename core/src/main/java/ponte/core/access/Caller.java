package ponte.core.access;

import java.util.Objects;
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

    /**
     * Holder of the bootstrap admin key: manages orgs and their keys, belongs to no org and reads no content.
     *
     * @param address the client's address, when the call came over the network
     */
    record Operator(Optional<String> address) implements Caller {
        public Operator {
            Objects.requireNonNull(address);
        }

        /** The operator acting in the node's own process (the demo's loader, tests). */
        public Operator() {
            this(Optional.empty());
        }

        @Override
        public Caller from(String clientAddress) {
            return new Operator(Optional.of(clientAddress));
        }
    }

    /**
     * Holder of an org's key, or a person of the org signed in to the web UI.
     *
     * @param key     the key that opened the call; empty for a person, and when the node acts for the org itself (an
     *                ingest source's scheduled poll, the demo's loader)
     * @param address the client's address, when the call came over the network
     * @param person  the user name of the person signed in whose session made the call; empty for a key and the node
     */
    record Member(OrgId org, Role role, Optional<KeyId> key, Optional<String> address, Optional<String> person) implements Caller {
        public Member {
            Objects.requireNonNull(org);
            Objects.requireNonNull(role);
            Objects.requireNonNull(key);
            Objects.requireNonNull(address);
            Objects.requireNonNull(person);
            if (key.isPresent() && person.isPresent()) {
                throw new IllegalArgumentException("a call is a key's or a person's, not both");
            }
        }

        /** A key's holder (or, with no key, the node acting for the org). */
        public Member(OrgId org, Role role, Optional<KeyId> key, Optional<String> address) {
            this(org, role, key, address, Optional.empty());
        }

        /** The node acting for the org in its own process, with no key and no client. */
        public Member(OrgId org, Role role) {
            this(org, role, Optional.empty(), Optional.empty());
        }

        @Override
        public Caller from(String clientAddress) {
            return new Member(org, role, key, Optional.of(clientAddress), person);
        }
    }

    /** Where the call came from: the client's address as the API judged it, if it came over the network. */
    Optional<String> address();

    /** The same caller, calling from {@code clientAddress}: set once, where the API authenticates a request. */
    Caller from(String clientAddress);

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

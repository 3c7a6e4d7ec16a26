package ponte.core.audit;

import java.util.Objects;
import java.util.Optional;
import ponte.core.access.Caller;
import ponte.core.access.KeyId;
import ponte.core.orgs.OrgId;

/**
 * Who made a change, as the audit trail keeps it: the bootstrap key's holder, an org's key, a person of the org signed
 * in to the web UI (by user name), or the node itself acting for an org (an ingest source's scheduled poll); and the
 * client's address when the change came over the network.
 */
public record Actor(Kind kind, Optional<OrgId> org, Optional<KeyId> key, Optional<String> address, Optional<String> user) {
    /** Addresses are IPv4 or IPv6 text: 45 characters hold the longest (an IPv4-mapped IPv6 address). */
    public static final int MAX_ADDRESS = 45;

    public enum Kind {
        /** The holder of the bootstrap admin key. */
        OPERATOR,
        /** An org's API key. */
        KEY,
        /** A person of an org, signed in to the web UI. */
        USER,
        /** The node acting for an org in its own process, with no key (an ingest source's poll). */
        NODE;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Kind fromWire(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public Actor {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(org);
        Objects.requireNonNull(key);
        Objects.requireNonNull(user);
        address = address.map(a -> a.length() > MAX_ADDRESS ? a.substring(0, MAX_ADDRESS) : a);
        if ((kind == Kind.OPERATOR) != org.isEmpty() || (kind == Kind.KEY) != key.isPresent() || (kind == Kind.USER) != user.isPresent()) {
            throw new IllegalArgumentException("an operator has no org, a key actor has a key, a user a user name, a node acts for an org without either");
        }
    }

    /** An actor with no person behind it: the operator, a key, the node. */
    public Actor(Kind kind, Optional<OrgId> org, Optional<KeyId> key, Optional<String> address) {
        this(kind, org, key, address, Optional.empty());
    }

    /** The actor behind a caller. */
    public static Actor of(Caller caller) {
        return switch (caller) {
            case Caller.Operator o -> new Actor(Kind.OPERATOR, Optional.empty(), Optional.empty(), o.address());
            case Caller.Member m -> new Actor(m.key().isPresent() ? Kind.KEY : m.person().isPresent() ? Kind.USER : Kind.NODE,
                    Optional.of(m.org()), m.key(), m.address(), m.person());
        };
    }
}

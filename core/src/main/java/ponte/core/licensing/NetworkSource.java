package ponte.core.licensing;

import java.util.Set;
import java.util.function.Supplier;
import ponte.core.orgs.OrgId;

/**
 * Where {@link Entitlements} reads the network: whole, or only the part a change to some orgs can alter, so that a
 * change rebuilds only what it concerns.
 */
public interface NetworkSource {
    /** The whole network as stored now. */
    Network whole();

    /**
     * The part of the network as stored now that concerns these orgs: every licence to one of them (in force and
     * dormant, in network order), their territories, and every co-production's party territories (few, and read whole).
     */
    Network concerning(Set<OrgId> orgs);

    /** A source that reads the whole network for either question (tests, tools, and the benchmark's in-memory network). */
    static NetworkSource of(Supplier<Network> whole) {
        return new NetworkSource() {
            @Override
            public Network whole() {
                return whole.get();
            }

            @Override
            public Network concerning(Set<OrgId> orgs) {
                return whole.get().concerning(orgs);
            }
        };
    }
}

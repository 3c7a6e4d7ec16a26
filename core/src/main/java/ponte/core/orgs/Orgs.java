package ponte.core.orgs;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port: the registry of organisations and their outlets. */
public interface Orgs {
    /** Registers a new org; an org with the same id and the same fields is returned as it is (a retry), another is a conflict. */
    Org register(Org org);

    Optional<Org> byId(OrgId id);

    /** The orgs known among these ids, in one look-up where the store can (a reach answer names hundreds of partners). */
    default Map<OrgId, Org> byIds(Collection<OrgId> ids) {
        Map<OrgId, Org> found = new LinkedHashMap<>();
        ids.forEach(id -> byId(id).ifPresent(o -> found.put(id, o)));
        return found;
    }

    List<Org> all();

    /** Adds an outlet; one with the same org and name is returned as it is. */
    Outlet addOutlet(Outlet outlet);

    List<Outlet> outlets(OrgId org);

    /** The outlets of each of these orgs (none listed for an org without outlets), in one look-up where the store can. */
    default Map<OrgId, List<Outlet>> outlets(Collection<OrgId> orgs) {
        Map<OrgId, List<Outlet>> found = new LinkedHashMap<>();
        orgs.forEach(org -> found.put(org, outlets(org)));
        return found;
    }
}

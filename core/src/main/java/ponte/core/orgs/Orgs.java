package ponte.core.orgs;

import java.util.List;
import java.util.Optional;

/** Port: the registry of organisations and their outlets. */
public interface Orgs {
    /** Registers a new org; an org with the same id and the same fields is returned as it is (a retry), another is a conflict. */
    Org register(Org org);

    Optional<Org> byId(OrgId id);

    List<Org> all();

    /** Adds an outlet; one with the same org and name is returned as it is. */
    Outlet addOutlet(Outlet outlet);

    List<Outlet> outlets(OrgId org);
}

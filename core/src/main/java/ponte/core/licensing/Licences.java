package ponte.core.licensing;

import java.util.List;
import java.util.Optional;

/** Port: licences in force or scheduled (their windows decide when they apply). */
public interface Licences {
    Licence grant(Licence licence);

    Optional<Licence> byId(LicenceId id);

    List<Licence> all();
}

package ponte.core.access;

import java.util.Optional;
import ponte.core.orgs.OrgId;

/** Port: API keys. Only a digest of each key is kept, so a leaked store reveals no usable key. */
public interface Keys {
    /** Issues a new key and returns its secret, shown once. */
    String issue(OrgId org, Role role);

    Optional<Caller> authenticate(String secret);
}

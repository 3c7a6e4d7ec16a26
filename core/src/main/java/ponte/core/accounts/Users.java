package ponte.core.accounts;

import java.util.List;
import java.util.Optional;
import ponte.core.orgs.OrgId;

/** Port: user accounts, each with the hash of its password (never the password). */
public interface Users {
    /** Adds the account; false when its user name is taken (nothing is changed then). */
    boolean add(User user, String passwordHash);

    Optional<User> byUsername(String username);

    Optional<User> byId(UserId id);

    /** The hash stored for the account, to check a password against. */
    Optional<String> passwordHash(UserId id);

    /** Replaces the account's password hash. */
    void setPassword(UserId id, String passwordHash);

    /** The org's accounts by user name. */
    List<User> of(OrgId org);
}

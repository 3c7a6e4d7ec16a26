package ponte.core.accounts;

import java.time.Instant;
import java.util.Optional;

/** Port: one-time links, by the digest of their token. */
public interface Links {
    void add(String digest, Link link);

    /** The link, if it exists and has not been used. */
    Optional<Link> unused(String digest);

    /** Marks the link used; false when it was used already (two clicks at once: only one wins). */
    boolean use(String digest, Instant at);
}

package ponte.core.accounts;

import java.util.Optional;

/** Port: server-side sessions, kept by a digest of their token, so the table holds nothing that opens one. */
public interface Sessions {
    void open(String digest, UserId user, String csrf, java.time.Instant createdAt, java.time.Instant expiresAt);

    /** The session with this digest, with its account as stored now; empty once ended. */
    Optional<Session> byDigest(String digest);

    void end(String digest);

    /** Ends every session of the account; returns how many. */
    int endAll(UserId user);
}

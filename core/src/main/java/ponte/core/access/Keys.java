package ponte.core.access;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ponte.core.orgs.OrgId;

/** Port: API keys. Only a digest of each key is kept, so a leaked store reveals no usable key. */
public interface Keys {
    /** Issues a key on these terms under a new random secret; the answer is the only place the secret is shown. */
    IssuedKey issue(NewKey key);

    /** The key with this secret, expired or not; empty for an unknown or revoked secret. */
    Optional<Key> bySecret(String secret);

    /** The org's keys in order of issue (ties by id), starting after {@code after}, at most {@code limit}. */
    List<Key> of(OrgId org, Optional<KeyPosition> after, int limit);

    /** Revokes the org's key {@code id}: its secret opens nothing from then on. False when the org has no such key. */
    boolean revoke(OrgId org, KeyId id);

    /** Records when keys were last used; a time before the one already recorded for a key changes nothing. */
    void used(Map<KeyId, Instant> lastUses);
}

package ponte.api;

import ponte.core.access.Caller;

/**
 * A request's key, once known: who calls, and which key it is, the partition of its rate limit and its idempotency
 * keys. The secret stays with the request: idempotent answers are sealed under it, so no table holds what opens them.
 *
 * @param keyId the key's public id, or {@link #BOOTSTRAP} for the operator's key (which has none)
 */
record Authenticated(Caller caller, String keyId, String secret) {
    /** Not a key id (those are 16 hex digits): the bootstrap admin key's partition. */
    static final String BOOTSTRAP = "bootstrap";

    @Override
    public String toString() {
        return "Authenticated[" + caller + ", " + keyId + "]"; // never the secret, should this reach a log line
    }
}

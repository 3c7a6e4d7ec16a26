package ponte.core.delivery;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import ponte.core.Invalid;
import ponte.core.orgs.OrgId;

/**
 * A partner's webhook: where its org's entries are pushed, in which format, narrowed by a filter, signed with its
 * secrets. The url is checked by the delivery adapter (scheme, and the SSRF guard); here it is only bounded.
 */
public record Endpoint(
        EndpointId id,
        OrgId org,
        String url,
        Format format,
        EndpointFilter filter,
        Secrets secrets,
        EndpointState state,
        Optional<String> reason,
        Instant createdAt) {

    public Endpoint {
        Objects.requireNonNull(id);
        Objects.requireNonNull(org);
        Objects.requireNonNull(format);
        Objects.requireNonNull(filter);
        Objects.requireNonNull(secrets);
        Objects.requireNonNull(state);
        Objects.requireNonNull(createdAt);
        if (url == null || url.isBlank() || url.length() > 2000) {
            throw new Invalid("/url", "url must be 1-2000 characters");
        }
    }

    public Endpoint withUrl(String newUrl) {
        return new Endpoint(id, org, newUrl, format, filter, secrets, state, reason, createdAt);
    }

    public Endpoint withFormat(Format newFormat) {
        return new Endpoint(id, org, url, newFormat, filter, secrets, state, reason, createdAt);
    }

    public Endpoint withFilter(EndpointFilter newFilter) {
        return new Endpoint(id, org, url, format, newFilter, secrets, state, reason, createdAt);
    }

    public Endpoint withSecrets(Secrets newSecrets) {
        return new Endpoint(id, org, url, format, filter, newSecrets, state, reason, createdAt);
    }

    public Endpoint paused() {
        return new Endpoint(id, org, url, format, filter, secrets, EndpointState.PAUSED, Optional.empty(), createdAt);
    }

    /** Resuming also re-enables a disabled endpoint: its org has read the reason and fixed the receiver. */
    public Endpoint active() {
        return new Endpoint(id, org, url, format, filter, secrets, EndpointState.ACTIVE, Optional.empty(), createdAt);
    }

    public Endpoint disabled(String why) {
        return new Endpoint(id, org, url, format, filter, secrets, EndpointState.DISABLED, Optional.of(why), createdAt);
    }

    public boolean isActive() {
        return state == EndpointState.ACTIVE;
    }
}

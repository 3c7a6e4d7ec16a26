package ponte.core.delivery;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import ponte.core.log.Cursor;
import ponte.core.orgs.OrgId;

/** Port: endpoints and their durable progress through the log. */
public interface Endpoints {
    /** Stores a new endpoint whose line starts after {@code start}. */
    void create(Endpoint endpoint, Cursor start);

    Optional<Endpoint> byId(EndpointId id);

    List<Endpoint> of(OrgId org);

    /** Every endpoint, for the pusher to start with. */
    List<Endpoint> all();

    void update(Endpoint endpoint);

    /** Removes the endpoint with its progress, attempts and dead letters; its reach facts stay. */
    void delete(EndpointId id);

    Progress progress(EndpointId id);

    /**
     * Moves the cursor by hand (replay, re-enabling): drops the pending attempt and the failure streak and changes
     * the epoch, so an outcome in flight under the old epoch cannot move it again.
     */
    void moveTo(EndpointId id, Cursor cursor);

    /** Moves the cursor forward past entries the endpoint does not take, unless the epoch changed or an attempt is pending. */
    void skipTo(EndpointId id, long epoch, Cursor cursor);

    /**
     * What partners asked of each endpoint by hand, as stored: the cursor's epoch (a replay changes it) and whether
     * dead letters wait to be re-sent. On several nodes the request may reach a node that does not deliver to the
     * endpoint; the one that does compares this with what it knows.
     */
    Map<EndpointId, Asked> asked();

    /** See {@link #asked()}. */
    record Asked(long epoch, boolean resends) {}
}

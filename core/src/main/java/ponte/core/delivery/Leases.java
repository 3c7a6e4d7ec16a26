package ponte.core.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Port: which node delivers to which endpoint when several nodes share one database. A node holds an endpoint's lease
 * until it stops renewing it; then another claims it and resumes from the endpoint's durable cursor.
 */
public interface Leases {
    /**
     * Renews this node's leases, gives back what is above its fair share (the endpoints divided among the live nodes),
     * claims unowned or expired ones up to that share, and returns the endpoints this node holds now.
     */
    Set<EndpointId> balance(String node, Instant now, Duration ttl);

    /** Takes the lease of one endpoint if nobody holds it (a new endpoint created on this node). */
    boolean claim(String node, EndpointId endpoint, Instant now, Duration ttl);
}

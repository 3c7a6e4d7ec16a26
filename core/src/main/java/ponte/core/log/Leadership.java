package ponte.core.log;

/**
 * Port: at most one node at a time does a job for the whole cluster (relaying the log to Kafka). A node that dies
 * loses its leadership with its database session, and another takes over.
 */
public interface Leadership {
    /** Whether this node leads {@code role} now, taking the lead if nobody holds it. */
    boolean lead(String role);
}

package ponte.core.access;

import java.time.Instant;

/**
 * Port: requests made under an {@code Idempotency-Key} and their first answers, shared by every node, so that a retry
 * is answered as the first request was instead of being carried out again. A request is claimed before it runs and
 * answered after; the answer is kept sealed (only the key that sent the request can open it).
 */
public interface IdempotencyKeys {
    /** What a claim found. */
    sealed interface Claim permits Granted, InFlight, Mismatch, Answered {}

    /** No request had this key (or its holder was abandoned): the caller runs the request and then answers or releases it. */
    record Granted() implements Claim {}

    /** The first request with this key is still running. */
    record InFlight() implements Claim {}

    /** The key was first used for a different request (another method, path or body). */
    record Mismatch() implements Claim {}

    /** The first request was answered so: a retry gets this answer again. */
    record Answered(int status, byte[] sealed) implements Claim {}

    /**
     * Claims the request's key as of {@code now}. A claim still unanswered from before {@code abandonedBefore} is taken
     * over: its node died before it could answer.
     */
    Claim claim(IdempotentRequest request, Instant now, Instant abandonedBefore);

    /** Keeps the first answer of a granted claim. */
    void answer(IdempotentRequest request, int status, byte[] sealed);

    /** Gives a granted claim up unanswered (the request failed): a retry then runs afresh. */
    void release(IdempotentRequest request);

    /** Forgets the keys first used before {@code cutoff}; returns how many. */
    int forget(Instant cutoff);
}

package ponte.core.audit;

import java.util.function.Supplier;

/**
 * Port: one atomic change of the stores. Every store write made inside {@code work}, on the calling thread, commits
 * together when it returns, or not at all when it throws: a change and its audit entry are kept together this way.
 * Nested calls join the transaction already open.
 */
public interface Transactions {
    <T> T atomically(Supplier<T> work);
}

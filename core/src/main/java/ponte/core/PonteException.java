package ponte.core;

/**
 * A refusal the caller can act on. The HTTP edge maps each kind once to an RFC 9457 problem; nothing else
 * catches these.
 */
public abstract sealed class PonteException extends RuntimeException
        permits Invalid, NotFound, NotAllowed, Conflict {
    protected PonteException(String message) {
        super(message);
    }
}

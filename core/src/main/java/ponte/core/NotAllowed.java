package ponte.core;

/** A known caller without the role for this action (only ever about things the caller may already see). */
public final class NotAllowed extends PonteException {
    public NotAllowed(String message) {
        super(message);
    }
}

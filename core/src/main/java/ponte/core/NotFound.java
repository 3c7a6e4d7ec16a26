package ponte.core;

/** Unknown, or not visible to the caller: the two are deliberately indistinguishable. */
public final class NotFound extends PonteException {
    public NotFound(String message) {
        super(message);
    }
}

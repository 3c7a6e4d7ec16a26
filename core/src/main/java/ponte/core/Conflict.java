package ponte.core;

/** The request contradicts the current state (a killed item revised, an id taken by someone else). */
public final class Conflict extends PonteException {
    public Conflict(String message) {
        super(message);
    }
}

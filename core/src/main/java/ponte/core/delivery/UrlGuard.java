package ponte.core.delivery;

/** Port: whether Ponte may send requests to a url (scheme, and no private or metadata addresses unless allowed). */
public interface UrlGuard {
    /** @throws ponte.core.Invalid pointing at {@code /url}, saying why not */
    void check(String url);
}

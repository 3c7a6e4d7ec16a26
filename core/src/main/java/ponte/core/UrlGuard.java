package ponte.core;

/**
 * Port: whether Ponte may send requests to a url someone else chose (a partner's webhook endpoint, an editor's ingest
 * source): http or https, and no loopback, private, link-local or metadata addresses unless the server allows them.
 */
public interface UrlGuard {
    /** @throws Invalid pointing at {@code /url}, saying why not */
    void check(String url);
}

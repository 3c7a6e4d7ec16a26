package ponte.formats;

/**
 * Small Atom 1.0 feeds (RFC 4287) as another agency publishes them, for the tests that ingest them:
 * {@code atom(entry("urn:ansa:1", "Primo", "2026-05-01T10:00:00Z"))}.
 */
public final class AtomFeeds {
    private AtomFeeds() {}

    /** ANSA's feed, in Italian, holding these entries. */
    public static String atom(String... entries) {
        return "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"it\"><id>urn:ansa:feed</id><title>ANSA</title>"
                + "<updated>2026-05-01T12:00:00Z</updated>" + String.join("", entries) + "</feed>";
    }

    /** An entry with a title, a summary and a plain-text content. */
    public static String entry(String id, String title, String updated) {
        return "<entry><id>" + id + "</id><title>" + title + "</title><updated>" + updated + "</updated><author><name>ANSA</name></author>"
                + "<summary>" + title + " (sommario)</summary><content type=\"text\">" + title + ". Testo completo.</content></entry>";
    }
}

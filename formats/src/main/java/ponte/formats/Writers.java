package ponte.formats;

/** Every writer a reader's format needs, built once (each is thread-safe). */
public record Writers(NinjsWriter ninjs, NinjsVersions versions, AtomWriter atom, RssWriter rss, NewsMlWriter newsMl) {
    public static Writers standard(NinjsSchema version31) {
        return new Writers(new NinjsWriter(), new NinjsVersions(version31, NinjsSchema.version22()), new AtomWriter(), new RssWriter(), new NewsMlWriter());
    }
}

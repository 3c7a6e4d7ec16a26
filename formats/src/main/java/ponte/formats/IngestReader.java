package ponte.formats;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import ponte.core.Invalid;
import ponte.core.ingest.Incoming;
import ponte.core.ingest.SourceFormat;
import ponte.core.items.Content;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads another agency's document (Atom, RSS, ninjs 3.x or 2.x, NewsML-G2) into entries Ponte can file: each mapped
 * to ninjs 3.1 and checked by the same {@link NinjsReader} an editor's filing goes through. A document that cannot be
 * read at all is refused ({@link Invalid}); an entry that cannot be read becomes {@link Incoming.Malformed} with why,
 * and the others are read all the same. Thread-safe.
 */
public final class IngestReader {
    /** Polled documents are news feeds, not archives: a bound on what one poll may cost (an upload is streamed instead). */
    public static final int MAX_BYTES = 20 * 1024 * 1024;

    private final NinjsReader reader;
    private final FeedReader feeds = new FeedReader();
    private final NewsMlReader newsMl = new NewsMlReader();
    private final NinjsDocuments ninjs;

    public IngestReader(NinjsReader reader, NinjsVersions versions) {
        this.reader = reader;
        this.ninjs = new NinjsDocuments(versions);
    }

    /**
     * A whole document (a poll's), read as a stream is: a document that cannot be read to its end is refused whole, so
     * a poll never takes a truncated feed for one whose entries were removed.
     *
     * @param scope who is reading (the org): entries whose guid is not a URI get a uri made from it and the guid
     */
    public List<Incoming> read(SourceFormat format, byte[] document, String scope) {
        if (document.length > MAX_BYTES) {
            throw new Invalid("/", "the document is larger than " + MAX_BYTES + " bytes");
        }
        Entries entries = entries(format, "", new ByteArrayInputStream(document), scope, MAX_BYTES);
        List<Incoming> out = new ArrayList<>();
        try {
            for (Optional<Incoming> entry = entries.next(); entry.isPresent(); entry = entries.next()) {
                out.add(entry.get());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // bytes in memory are never cut short
        }
        entries.stopped().ifPresent(why -> {
            throw new Invalid("/", why);
        });
        return out;
    }

    /**
     * A document read from a stream one entry at a time, never held whole: XML with StAX, ninjs with Jackson's
     * streaming parser (one item, an array of them, a feed page; NDJSON line by line when the media type says so).
     *
     * @param contentType the document's media type, if known ("" if not)
     * @param maxEntryBytes an entry larger than this is refused as that entry's problem, not the document's
     */
    public Entries entries(SourceFormat format, String contentType, InputStream in, String scope, int maxEntryBytes) {
        Watched body = new Watched(in);
        return new Entries(body, () -> switch (format) {
            case ATOM, RSS -> new XmlEntries(body, FeedReader::role, (xml, first) -> feeds.read(xml, scope, first), maxEntryBytes);
            case NEWSML_G2 -> new XmlEntries(body, NewsMlReader::role, (xml, first) -> newsMl.read(xml, scope, first), maxEntryBytes);
            case NINJS -> lines(contentType) ? new NinjsLines(body, ninjs, maxEntryBytes) : new NinjsEntries(body, ninjs, maxEntryBytes);
        });
    }

    private static boolean lines(String contentType) {
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        return type.contains("ndjson") || type.contains("jsonl") || type.contains("jsonlines");
    }

    /** The entries of one document, in document order. Used by one thread. */
    public final class Entries {
        private final Watched body;
        private final Supplier<Split> opening;
        private Split split;
        private int count;
        private Optional<String> stopped = Optional.empty();

        private Entries(Watched body, Supplier<Split> opening) {
            this.body = body;
            this.opening = opening;
        }

        /**
         * The next entry, or empty after the last. Where the document stops being readable (not well-formed from some
         * point on), that is the last entry, a {@link Incoming.Malformed} saying why, and {@link #stopped} says so.
         *
         * @throws Invalid if the document cannot be read at all: only before its first entry
         * @throws IOException if the body itself could not be read (the client went away)
         */
        public Optional<Incoming> next() throws IOException {
            if (stopped.isPresent()) {
                return Optional.empty();
            }
            Optional<Mapped> mapped;
            try {
                if (split == null) {
                    split = opening.get();
                }
                mapped = split.next();
            } catch (Unreadable | UncheckedIOException | JacksonException | Invalid e) {
                body.rethrow();
                if (e instanceof UncheckedIOException u) {
                    throw u.getCause();
                }
                String why = e instanceof JacksonException j ? "not JSON: " + j.getOriginalMessage() : e.getMessage();
                if (count == 0) {
                    throw e instanceof Invalid invalid ? invalid : new Invalid("/", why);
                }
                // Past the first entry nothing refuses the whole document: what was read is being filed.
                stopped = Optional.of(why);
                return Optional.of(new Incoming.Malformed("entry " + ++count, "the document cannot be read from here on: " + why));
            }
            if (mapped.isEmpty()) {
                return Optional.empty();
            }
            count++;
            return Optional.of(mapped.get().toIncoming(reader));
        }

        /** How many entries were read. */
        public int count() {
            return count;
        }

        /** Why reading stopped before the document's end, if it did. */
        public Optional<String> stopped() {
            return stopped;
        }
    }

    /** A document split into its entries, each mapped: empty at the end. */
    interface Split {
        /** @throws Unreadable when the rest of the document cannot be read */
        Optional<Mapped> next();
    }

    /** The document cannot be read on from here. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String detail) {
            super(detail);
        }
    }

    /** The body, remembering whether reading it failed: a parser reports that as a parse error of its own. */
    private static final class Watched extends FilterInputStream {
        private IOException failure;

        Watched(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        void rethrow() throws IOException {
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** One line of a file of ninjs items: the entry, or every reason it cannot be one, each with where in the line. */
    public sealed interface Line {
        record Entry(Incoming incoming) implements Line {}

        record Refused(List<Invalid.Violation> errors) implements Line {}
    }

    /**
     * Reads one ninjs item (3.x, or 2.x mapped to 3.1) from {@code length} bytes of {@code buffer} at {@code offset},
     * as a line of a newline-delimited file is; a pointer of a refusal points into that item ("" for the whole).
     */
    public Line line(byte[] buffer, int offset, int length) {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(buffer, offset, length);
        } catch (JacksonException e) {
            return refused("", "not JSON: " + e.getOriginalMessage());
        }
        if (!(tree instanceof ObjectNode object)) {
            return refused("", "not a ninjs object");
        }
        return switch (ninjs.own(object, 0)) {
            case Malformed m -> refused("/uri", m.detail());
            case Canceled c -> new Line.Entry(c.toIncoming(reader));
            case Usable u -> {
                try {
                    yield new Line.Entry(new Incoming.Usable(u.uri(), reader.read(u.ninjs()), u.correction(), u.updated()));
                } catch (Invalid invalid) {
                    yield new Line.Refused(invalid.violations().stream()
                            .map(v -> new Invalid.Violation(v.pointer().replaceFirst("^/ninjs", ""), v.detail())).toList());
                }
            }
        };
    }

    private static Line refused(String pointer, String detail) {
        return new Line.Refused(List.of(new Invalid.Violation(pointer, detail)));
    }

    /** Which format a document is, from its media type or, failing that, its first bytes. */
    public static Optional<SourceFormat> sniff(String contentType, byte[] document) {
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        if (type.contains("atom")) {
            return Optional.of(SourceFormat.ATOM);
        }
        if (type.contains("rss")) {
            return Optional.of(SourceFormat.RSS);
        }
        if (type.contains("vnd.iptc.g2")) {
            return Optional.of(SourceFormat.NEWSML_G2);
        }
        if (type.contains("json")) {
            return Optional.of(SourceFormat.NINJS);
        }
        String head = new String(document, 0, Math.min(document.length, 4096), java.nio.charset.StandardCharsets.UTF_8);
        if (head.stripLeading().startsWith("{") || head.stripLeading().startsWith("[")) {
            return Optional.of(SourceFormat.NINJS);
        }
        if (head.contains("<feed")) {
            return Optional.of(SourceFormat.ATOM);
        }
        if (head.contains("<rss") || head.contains("<rdf:RDF")) {
            return Optional.of(SourceFormat.RSS);
        }
        if (head.contains("iptc.org/std/nar/2006-10-01")) {
            return Optional.of(SourceFormat.NEWSML_G2);
        }
        return Optional.empty();
    }

    /** One entry mapped to ninjs 3.1 (or found canceled, or unreadable), before the ninjs check. */
    sealed interface Mapped {
        Incoming toIncoming(NinjsReader reader);
    }

    record Usable(String uri, ObjectNode ninjs, boolean correction, Optional<java.time.Instant> updated) implements Mapped {
        @Override
        public Incoming toIncoming(NinjsReader reader) {
            try {
                Content content = reader.read(ninjs);
                return new Incoming.Usable(uri, content, correction, updated);
            } catch (Invalid invalid) {
                String detail = invalid.violations().stream().map(v -> v.pointer().replaceFirst("^/ninjs", "") + ": " + v.detail())
                        .limit(5).reduce((a, b) -> a + "; " + b).orElse(invalid.getMessage());
                return new Incoming.Malformed(uri, "not valid as ninjs 3.1 once mapped: " + detail);
            }
        }
    }

    record Canceled(String uri, String reason, Optional<java.time.Instant> updated) implements Mapped {
        @Override
        public Incoming toIncoming(NinjsReader reader) {
            return new Incoming.Canceled(uri, reason, updated);
        }
    }

    record Malformed(String entry, String detail) implements Mapped {
        @Override
        public Incoming toIncoming(NinjsReader reader) {
            return new Incoming.Malformed(entry, detail);
        }
    }
}

package ponte.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    /** Foreign documents are news feeds, not archives: a bound on what one poll or upload may cost. */
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
     * @param scope who is reading (the org): entries whose guid is not a URI get a uri made from it and the guid
     */
    public List<Incoming> read(SourceFormat format, byte[] document, String scope) {
        if (document.length > MAX_BYTES) {
            throw new Invalid("/", "the document is larger than " + MAX_BYTES + " bytes");
        }
        List<Mapped> mapped = switch (format) {
            case ATOM, RSS -> feeds.read(document, scope);
            case NEWSML_G2 -> newsMl.read(document, scope);
            case NINJS -> ninjs.read(document);
        };
        List<Incoming> out = new ArrayList<>(mapped.size());
        for (Mapped m : mapped) {
            out.add(m.toIncoming(reader));
        }
        return out;
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

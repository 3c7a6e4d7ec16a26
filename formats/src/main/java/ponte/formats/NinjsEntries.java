package ponte.formats;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Optional;
import ponte.core.Invalid;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A ninjs document read with Jackson's streaming parser one item at a time, in memory bounded by the largest item: an
 * array of items, a feed page ({"entries": [{"item": …, "event": …}]} or {"items": […]}), one item, or items one after
 * another (NDJSON read as a stream). Each item's tokens are copied out, up to the bound, and read as a tree of its
 * own, so it is mapped exactly as {@link NinjsDocuments} maps an item of a whole document.
 */
final class NinjsEntries implements IngestReader.Split {
    private enum State { START, ARRAY, ROOT, PAGE, AFTER, ENDED }

    private final JsonParser parser;
    private final NinjsDocuments documents;
    private final int max;
    private State state = State.START;
    /** The root object's members read so far, while it may still be one item rather than a page. */
    private ObjectNode root;
    private long rootSize;
    private boolean paged;
    private String pageMember = "";
    private int position;

    NinjsEntries(InputStream in, NinjsDocuments documents, int max) {
        // Duplicate keys are refused per item (the tree read of its copy), not for the whole stream.
        this.parser = Json.MAPPER.reader().without(StreamReadFeature.STRICT_DUPLICATE_DETECTION).createParser(in);
        this.documents = documents;
        this.max = max;
    }

    @Override
    public Optional<IngestReader.Mapped> next() {
        try {
            while (true) {
                switch (state) {
                    case START -> start();
                    case ARRAY, PAGE -> {
                        if (parser.nextToken() == JsonToken.END_ARRAY) {
                            state = state == State.ARRAY ? State.AFTER : State.ROOT;
                        } else {
                            return Optional.of(item(state == State.PAGE && pageMember.equals("entries")));
                        }
                    }
                    case ROOT -> {
                        Optional<IngestReader.Mapped> item = member();
                        if (item.isPresent()) {
                            return item;
                        }
                    }
                    case AFTER -> {
                        JsonToken next = parser.nextToken();
                        if (next == null) {
                            state = State.ENDED;
                        } else if (next == JsonToken.START_OBJECT) {
                            return Optional.of(item(false)); // items one after another: NDJSON
                        } else {
                            throw new IngestReader.Unreadable("after a whole document only more ninjs objects may follow");
                        }
                    }
                    case ENDED -> {
                        return Optional.empty();
                    }
                }
            }
        } catch (JacksonException e) {
            throw new IngestReader.Unreadable("not JSON: " + e.getOriginalMessage());
        }
    }

    private void start() {
        JsonToken first = parser.nextToken();
        if (first == JsonToken.START_ARRAY) {
            state = State.ARRAY;
        } else if (first == JsonToken.START_OBJECT) {
            state = State.ROOT;
            root = Json.MAPPER.createObjectNode();
        } else {
            throw new Invalid("/", "expected a ninjs object, an array of them, or a feed page with entries");
        }
    }

    /**
     * The root object's next member: an array of entries or items makes it a page, streamed; any other member is kept
     * in case the root is one item, which it is if it ends without such an array.
     */
    private Optional<IngestReader.Mapped> member() {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_OBJECT) {
            state = State.AFTER;
            if (paged) {
                return Optional.empty();
            }
            int number = ++position;
            return Optional.of(rootSize > max ? tooLarge(number) : documents.own(root, "", number - 1));
        }
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if ((name.equals("entries") || name.equals("items")) && value == JsonToken.START_ARRAY) {
            paged = true;
            pageMember = name;
            state = State.PAGE;
            return Optional.empty();
        }
        Optional<byte[]> copied = copy();
        rootSize += copied.map(b -> (long) b.length).orElse((long) max + 1) + name.length();
        if (rootSize <= max) {
            root.set(name, Json.MAPPER.readTree(copied.orElseThrow()));
        }
        return Optional.empty();
    }

    /** The item the parser is at, mapped; from a page's entries, with the entry's event ("killed", "corrected"). */
    private IngestReader.Mapped item(boolean entry) {
        int number = ++position;
        Optional<byte[]> copied = copy();
        if (copied.isEmpty()) {
            return tooLarge(number);
        }
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(copied.get());
        } catch (JacksonException e) {
            return new IngestReader.Malformed("item " + number, "not JSON: " + e.getOriginalMessage());
        }
        if (entry && tree.isObject()) {
            return documents.own(tree.has("item") ? tree.get("item") : tree, tree.path("event").asString(""), number - 1);
        }
        return documents.own(tree, "", number - 1);
    }

    private IngestReader.Mapped tooLarge(int number) {
        return new IngestReader.Malformed("item " + number, "the item is larger than " + max + " bytes");
    }

    /**
     * The value the parser is at, written out as JSON, or empty if it is larger than the bound (it is then read to its
     * end without being kept). Decimals are copied exactly, as the mapper reads them.
     */
    private Optional<byte[]> copy() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        boolean over = false;
        try (JsonGenerator copy = Json.MAPPER.createGenerator(out)) {
            int depth = 0;
            do {
                JsonToken token = parser.currentToken();
                if (!over) {
                    if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                        copy.writeNumber(parser.getDecimalValue());
                    } else {
                        copy.copyCurrentEvent(parser);
                    }
                    over = out.size() > max;
                }
                depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
                if (depth > 0) {
                    parser.nextToken();
                }
            } while (depth > 0);
        }
        return over || out.size() > max ? Optional.empty() : Optional.of(out.toByteArray());
    }
}

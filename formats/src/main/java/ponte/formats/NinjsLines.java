package ponte.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/**
 * ninjs items one per line (NDJSON), each line read on its own: a line that is not JSON, or too long, is that item's
 * problem and the next line is read all the same. Blank lines are no items.
 */
final class NinjsLines implements IngestReader.Split {
    private final Lines lines;
    private final NinjsDocuments documents;
    private final int max;
    private int position;

    NinjsLines(InputStream in, NinjsDocuments documents, int max) {
        this.lines = new Lines(in, max);
        this.documents = documents;
        this.max = max;
    }

    @Override
    public Optional<IngestReader.Mapped> next() {
        try {
            while (lines.next()) {
                if (lines.blank() && !lines.tooLong()) {
                    continue;
                }
                int number = ++position;
                if (lines.tooLong()) {
                    return Optional.of(new IngestReader.Malformed("item " + number, "a line is at most " + max + " bytes"));
                }
                try {
                    return Optional.of(documents.own(Json.MAPPER.readTree(lines.bytes(), lines.offset(), lines.length()), "", number - 1));
                } catch (JacksonException e) {
                    return Optional.of(new IngestReader.Malformed("item " + number, "not JSON: " + e.getOriginalMessage()));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package ponte.core.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How a source is doing: its state, when it was last polled and last read successfully, the last document-level error
 * (unreachable, an HTTP error, not a feed), running counts, the entries the last poll could not import, and the
 * validators for the next conditional GET.
 */
public record SourceStatus(State state, Optional<Instant> lastPolledAt, Optional<Instant> lastSuccessAt, Optional<String> lastError,
                           Counts counts, List<Report.Problem> problems, Optional<String> etag, Optional<String> lastModified) {
    public enum State {
        /** Registered, not polled yet. */
        PENDING,
        /** The last poll read the source (entries may still have failed: see problems). */
        OK,
        /** The last poll could not read the source at all: see lastError. */
        FAILING
    }

    /** Totals since the source was registered. */
    public record Counts(long polls, long published, long updated, long killed, long unchanged, long failed) {
        public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0);

        public Counts plus(Report r) {
            return new Counts(polls + 1, published + r.published(), updated + r.updated(), killed + r.killed(),
                    unchanged + r.unchanged(), failed + r.failed());
        }

        public Counts polled() {
            return new Counts(polls + 1, published, updated, killed, unchanged, failed);
        }
    }

    public SourceStatus {
        problems = List.copyOf(problems);
    }

    public static SourceStatus pending() {
        return new SourceStatus(State.PENDING, Optional.empty(), Optional.empty(), Optional.empty(), Counts.ZERO, List.of(),
                Optional.empty(), Optional.empty());
    }

    /** A poll that read the document (or was told it had not changed) and imported its entries. */
    public SourceStatus read(Instant at, Report report, Optional<String> newEtag, Optional<String> newLastModified) {
        return new SourceStatus(State.OK, Optional.of(at), Optional.of(at), Optional.empty(), counts.plus(report), report.problems(),
                newEtag, newLastModified);
    }

    /** A poll answered 304 Not Modified: nothing to import. */
    public SourceStatus notModified(Instant at) {
        return new SourceStatus(State.OK, Optional.of(at), Optional.of(at), Optional.empty(), counts.polled(), problems, etag, lastModified);
    }

    /** A poll that could not read the source; the validators are kept for the next try. */
    public SourceStatus failed(Instant at, String error) {
        return new SourceStatus(State.FAILING, Optional.of(at), lastSuccessAt, Optional.of(error), counts.polled(), problems, etag, lastModified);
    }
}

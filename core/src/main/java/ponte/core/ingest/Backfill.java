package ponte.core.ingest;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import ponte.core.Invalid;
import ponte.core.orgs.OrgId;
import ponte.core.products.ProductId;

/**
 * A streamed import of one org's file (a backfill), named by the client so that it can be run again after an
 * interruption: {@code line} is how far it has come (every line up to it committed or failed), with what came of those
 * lines over all its runs.
 */
public record Backfill(String id, OrgId org, Set<ProductId> products, long line, Counts counts, int runs, Instant started, Instant updated) {
    /** URL-safe, as every client-chosen id (API conventions). */
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    /** What the lines came to. */
    public record Counts(long published, long updated, long killed, long unchanged, long failed) {
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0);

        public Counts plus(Counts o) {
            return new Counts(published + o.published, updated + o.updated, killed + o.killed, unchanged + o.unchanged, failed + o.failed);
        }

        public long total() {
            return published + updated + killed + unchanged + failed;
        }
    }

    public Backfill {
        Objects.requireNonNull(org);
        products = Set.copyOf(products);
        Objects.requireNonNull(counts);
        if (line < 0) {
            throw new IllegalArgumentException("a line number is never negative");
        }
    }

    public static String checkedId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new Invalid("/id", "an import's id is 1 to 100 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return id;
    }

    /** The same import come as far as {@code line}, with {@code more} lines done since the last time it was saved. */
    public Backfill reached(long line, Counts more, Instant at) {
        return new Backfill(id, org, products, line, counts.plus(more), runs, started, at);
    }

    /** Run once more, from where it stopped. */
    public Backfill again(Instant at) {
        return new Backfill(id, org, products, line, counts, runs + 1, started, at);
    }
}

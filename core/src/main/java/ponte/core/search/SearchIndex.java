package ponte.core.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ponte.core.items.ItemId;
import ponte.core.log.Cursor;

/**
 * Port: a full-text index of the content log, which proposes candidates. It never decides what a caller may see:
 * {@link Searching} asks the entitlement gate about every candidate.
 */
public interface SearchIndex {
    /**
     * A consistent view of the index: the one {@code token} names while it is still kept (so deep paging reads one
     * snapshot), else the newest.
     */
    View view(Optional<Long> token);

    interface View extends AutoCloseable {
        /** Names this view for {@link SearchIndex#view}. */
        long token();

        /** Every log entry up to here is in this view (later ones may be too). */
        Cursor position();

        /** Documents matching the request within the scope, in the request's order, after {@code after}; at most {@code max}. */
        List<Candidate> candidates(SearchRequest request, Scope scope, Optional<Position> after, int max);

        /** The documents of these language-version sets within the scope. */
        List<Candidate> languageSets(Collection<ItemId> sets, Scope scope);

        /** Marked passages of these candidates of this view for the request's words. */
        Map<ItemId, Snippets> snippets(SearchRequest request, List<Candidate> hits);

        @Override
        void close();
    }
}

package ponte.formats;

import java.util.List;
import java.util.Objects;

/**
 * One page of a reader's cursor feed, as every format writes it: an id and title for the feed, the page's own address
 * and the next page's (both relative to the server), the cursor to resume from, and the entries in log order.
 */
public record FeedPage(String id, String title, String self, String next, String nextCursor, List<Entry> entries) {
    /** One entry: its cursor and the item as the reader receives it. */
    public record Entry(String cursor, ItemView item) {}

    public FeedPage {
        Objects.requireNonNull(id);
        Objects.requireNonNull(title);
        Objects.requireNonNull(self);
        Objects.requireNonNull(next);
        Objects.requireNonNull(nextCursor);
        entries = List.copyOf(entries);
    }
}

package ponte.core.media;

import java.util.List;

/** Port: the reach facts of media downloads. */
public interface DownloadFacts {
    void record(List<Downloaded> facts);

    /** How many facts are recorded for an item (reports, tests). */
    long countFor(ponte.core.items.ItemId item);
}

package ponte.core.search;

/**
 * Where a candidate sorts in a view: its score (relevance order) or first publication in epoch milliseconds (newest
 * order), then a key unique to the item, so no two candidates share a position and paging never skips or repeats.
 */
public record Position(float score, long sort, long key) {}

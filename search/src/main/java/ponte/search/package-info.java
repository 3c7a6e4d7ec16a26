/**
 * Search adapter: a Lucene index of the content log, fed asynchronously by the {@link ponte.search.Indexer} (a log
 * reader whose cursor is committed with the index), with one pair of fields per language analysed for that
 * language, and language detection for items that declare none. It proposes candidates; core's
 * {@code Searching} asks the entitlement gate about each.
 */
package ponte.search;

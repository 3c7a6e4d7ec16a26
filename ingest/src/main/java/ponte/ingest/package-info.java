/**
 * Ingest: Ponte as a reader of other agencies' feeds. A {@link ponte.ingest.Poller} runs one virtual thread per
 * source, fetches with conditional GET and timeouts through the SSRF guard's client (every connection and redirect hop
 * judged), reads the document with the formats adapter and hands the entries to core's
 * {@link ponte.core.ingest.Importing}, which files them through the ordinary publishing use case.
 */
package ponte.ingest;

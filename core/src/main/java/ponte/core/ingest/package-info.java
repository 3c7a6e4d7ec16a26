/**
 * Ingest: other agencies' feeds and uploaded documents filed as items of the caller's org. A {@link ponte.core.ingest.Source}
 * is polled by an adapter (the {@link ponte.core.ingest.Polling} port); what it reads becomes {@link ponte.core.ingest.Incoming}
 * entries, which {@link ponte.core.ingest.Importing} files through the ordinary {@link ponte.core.publishing.Publishing} use case,
 * so an ingested item is an item like any other: on the log, routed, gated.
 */
package ponte.core.ingest;

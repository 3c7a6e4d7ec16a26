/**
 * Reach: who received, read and used what, where. Its facts are the routes and deliveries the log and the pushers
 * write, the reads a partner's feed, stream and item requests leave ({@link ponte.core.reach.Reads}, recorded off the
 * request path), and the usage partners report ({@link ponte.core.reach.Reporting}). {@link ponte.core.reach.Reaching}
 * answers how far an item, a product or a co-production went, for whom may know; {@link ponte.core.reach.Recipients}
 * who has and has not got an item's latest version (a correction or kill above all).
 */
package ponte.core.reach;

/**
 * What a change to an item means: {@link ponte.core.publishing.Appending} decides each entry of the content log (the
 * {@link ponte.core.publishing.Desk}'s rules for the version, the gate's routes, the next release) through the log's
 * {@link ponte.core.publishing.LogTransaction}; {@link ponte.core.publishing.Publishing} takes editors' changes onto the
 * log, and {@link ponte.core.publishing.Releasing} appends the entries that time makes due (embargoes, licence starts).
 */
package ponte.core.publishing;

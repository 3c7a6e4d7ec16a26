/**
 * What a change to an item means: the {@link ponte.core.publishing.Desk} decides the new version and who receives it,
 * {@link ponte.core.publishing.Publishing} takes editors' changes onto the content log, and
 * {@link ponte.core.publishing.Releasing} appends the entries that time makes due (embargoes, licence starts).
 */
package ponte.core.publishing;

/**
 * The content log: one ordered, append-only sequence of changes, the source of truth. Feeds, pushes, search and
 * reach are readers of it, each with its own cursor.
 */
package ponte.core.log;

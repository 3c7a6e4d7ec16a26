/**
 * Search scoped to what each caller may find: a full-text index (a port, fed from the content log) proposes
 * candidates within a {@link ponte.core.search.Scope} that can only narrow, and {@link ponte.core.search.Searching}
 * asks the one entitlement gate about every candidate before it counts, pages or shows it.
 */
package ponte.core.search;

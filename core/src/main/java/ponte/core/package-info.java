/**
 * Ponte's domain: organisations and their outlets, products, items and their versions, licences and the one
 * entitlement gate, the content log as a port, and the use cases over them. Plain Java: no framework, no JDBC, no
 * HTTP, no JSON library. Adapters (storage, formats, api, …) depend on this module; it depends on nothing of ours.
 *
 * <p>Its packages form a stack, each using only those below it (the build enforces it, in {@code ArchitectureTest}):
 * {@code orgs} → {@code access} → {@code audit} → {@code products} → {@code items} → {@code licensing} → {@code log} →
 * {@code publishing}, {@code reading} → the use cases {@code onboarding}, {@code agreements}, {@code delivery},
 * {@code ingest}, {@code search}.
 */
package ponte.core;

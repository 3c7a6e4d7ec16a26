/**
 * Ponte's domain: organisations and their outlets, products, items and their versions, licences and the one
 * entitlement gate, and the content log as a port. Plain Java: no framework, no JDBC, no HTTP, no JSON library.
 * Adapters (storage, formats, api) depend on this module; it depends on nothing of ours.
 */
package ponte.core;

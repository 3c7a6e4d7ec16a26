/**
 * Storage adapter: the store and the embedded content log on JDBC (H2 embedded by default, PostgreSQL in
 * production), schema by Flyway migrations in {@code db/migration}. Implements core's ports; SQL lives here only.
 */
package ponte.storage;

/**
 * People who sign in to the web UI: user accounts of an org with one role, passwords (hashed behind a port) and
 * server-side sessions. A session acts exactly as a key of the same org and role: {@link ponte.core.accounts.Accounts#caller}
 * gives the {@link ponte.core.access.Caller} every other use case judges, so no rule has a second copy for pages.
 */
package ponte.core.accounts;

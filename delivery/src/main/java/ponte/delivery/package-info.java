/**
 * Push delivery adapter: each webhook endpoint is a reader of the content log with its own durable cursor, served by
 * one virtual thread that makes one signed Standard Webhooks request at a time (Jetty's HTTP client), retries on the
 * schedule and records every outcome. Requests go out through {@link ponte.outbound.AddressGuard}'s client, so the SSRF
 * guard that checked the endpoint when it was saved checks again whenever a connection is opened.
 */
package ponte.delivery;

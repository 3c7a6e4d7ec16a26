/**
 * Push delivery as the domain sees it: endpoints (a partner's webhook URL with a format, a filter and signing
 * secrets), their state, the retry schedule, attempts, dead letters and the use case {@link ponte.core.delivery.Subscribing}.
 * Each endpoint is a reader of the content log with its own durable cursor; the delivery adapter does the HTTP.
 */
package ponte.core.delivery;

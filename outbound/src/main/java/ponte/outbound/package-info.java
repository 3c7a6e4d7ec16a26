/**
 * Outbound HTTP safety, shared by every adapter that calls a url someone else chose (delivery's webhook endpoints,
 * ingest's sources): {@link ponte.outbound.AddressGuard}, the SSRF guard, checked when such a url is saved (core's
 * {@link ponte.core.UrlGuard} port) and again as the resolver of the only HTTP clients those adapters use, so the
 * address connected to is the address checked. Depends on core and Jetty's client only; no adapter of ours.
 */
package ponte.outbound;

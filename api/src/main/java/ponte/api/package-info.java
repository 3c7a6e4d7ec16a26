/**
 * HTTP API v1 on Jetty 12 core handlers (no servlet layer: measured cheaper on hot read paths, see
 * docs/architecture.md, "Libraries and why"). Thin: parse the request, call a core use case, render the answer. Every refusal becomes
 * an RFC 9457 problem in one place, {@link ponte.api.Problems}.
 */
package ponte.api;

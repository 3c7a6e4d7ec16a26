/**
 * The web UI: server-rendered pages (JTE templates compiled at build time) for people, beside the API for machines.
 * A page handler reads like an API resource: parse the form, call a core use case as the session's {@link
 * ponte.core.access.Caller}, render. Sessions live in cookies (HttpOnly, SameSite=Lax, Secure over HTTPS), every
 * state-changing request carries the session's CSRF token, and every response is sent with a strict
 * Content-Security-Policy (no inline script). Paths: {@code /}, {@code /app/…}, {@code /assets/…}.
 */
package ponte.web;

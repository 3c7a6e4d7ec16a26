/**
 * Licences and the one entitlement gate. {@link ponte.core.licensing.Entitlements} states the rule; the
 * {@link ponte.core.licensing.RoutingIndex} applies it to many partners at once. Every read path
 * (feed, item, push, search) asks these two and nothing else.
 */
package ponte.core.licensing;

/**
 * Licences and the one entitlement gate. {@link ponte.core.licensing.Entitlements} states the rule; the
 * {@link ponte.core.licensing.Router} applies it to many partners at once through an index. Every read path
 * (feed, item, push, search) asks these two and nothing else.
 */
package ponte.core.licensing;

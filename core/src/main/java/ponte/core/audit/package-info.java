/**
 * The audit trail: who changed what, when and from where. Every use case that changes something records one
 * {@link ponte.core.audit.AuditEntry} in the same transaction as the change ({@link ponte.core.audit.Audit}), so a change
 * is never acknowledged without its record; {@link ponte.core.audit.Auditing} reads it back to those who may see it.
 * It sits just above {@code access} in core's stack: it knows callers and orgs, and every use case above may record.
 */
package ponte.core.audit;

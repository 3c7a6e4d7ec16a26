package ponte.core.audit;

import ponte.core.Invalid;

/** A place in the audit trail: the cursor of its pages, which run from the newest entry back. */
public record AuditPosition(long value) {
    public AuditPosition {
        if (value < 1) {
            throw new IllegalArgumentException("audit positions start at 1");
        }
    }

    /** {@code a<position, base 36>}: opaque to clients, URL-safe. */
    public String encode() {
        return "a" + Long.toString(value, 36);
    }

    /** Reads a cursor this class encoded; anything else is refused at {@code /<parameter>}. */
    public static AuditPosition parse(String parameter, String cursor) {
        Invalid refusal = new Invalid("/" + parameter, parameter + " must be a cursor from an earlier page of the audit trail");
        if (cursor.length() < 2 || cursor.length() > 14 || cursor.charAt(0) != 'a') {
            throw refusal;
        }
        try {
            long value = Long.parseLong(cursor.substring(1), 36);
            if (value < 1) {
                throw refusal;
            }
            return new AuditPosition(value);
        } catch (NumberFormatException e) {
            throw refusal;
        }
    }
}

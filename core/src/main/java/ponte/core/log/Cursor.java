package ponte.core.log;

import ponte.core.Invalid;

/**
 * A position in the content log: "everything up to and including sequence number {@code seq}". Opaque to clients,
 * who only hand back what they were given; the encoding carries a prefix so a stray number is refused, not misread.
 */
public record Cursor(long seq) implements Comparable<Cursor> {
    public static final Cursor START = new Cursor(0);
    private static final String PREFIX = "c";

    public Cursor {
        if (seq < 0) {
            throw new IllegalArgumentException("sequence numbers are not negative");
        }
    }

    public String encode() {
        return PREFIX + Long.toString(seq, 36);
    }

    public static Cursor parse(String parameter, String value) {
        if (value == null || value.isEmpty()) {
            return START;
        }
        try {
            if (value.startsWith(PREFIX) && value.length() <= 14) {
                long seq = Long.parseLong(value.substring(PREFIX.length()), 36);
                if (seq >= 0) {
                    return new Cursor(seq);
                }
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw new Invalid("/" + parameter, "'" + value + "' is not a cursor Ponte issued");
    }

    @Override
    public int compareTo(Cursor other) {
        return Long.compare(seq, other.seq);
    }

    @Override
    public String toString() {
        return encode();
    }
}

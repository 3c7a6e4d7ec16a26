package ponte.core.media;

import java.util.Optional;

/** One byte range of a representation of {@code size} bytes, or unsatisfiable (416). */
public record ByteRange(long from, long length, boolean unsatisfiable) {
    /** "bytes=a-b", "bytes=a-", "bytes=-n"; several ranges or another unit are ignored (the whole file is sent, as RFC 9110 allows). */
    public static Optional<ByteRange> parse(String header, long size) {
        String h = header.strip();
        if (!h.startsWith("bytes=") || h.contains(",")) {
            return Optional.empty();
        }
        String spec = h.substring(6).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        try {
            String a = spec.substring(0, dash).strip();
            String b = spec.substring(dash + 1).strip();
            if (a.isEmpty()) {
                long suffix = Long.parseLong(b);
                return Optional.of(suffix <= 0 ? new ByteRange(0, 0, true) : new ByteRange(Math.max(0, size - suffix), Math.min(suffix, size), false));
            }
            long first = Long.parseLong(a);
            long last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
            if (first >= size || last < first) {
                return Optional.of(new ByteRange(0, 0, true));
            }
            return Optional.of(new ByteRange(first, last - first + 1, false));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

package ponte.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Strong entity tags (RFC 9110 section 8.8.3). A representation's tag is a 128-bit digest of everything its bytes
 * are made of: the format, and for each entry its cursor, event and the digest of the item's rendered bytes. So the
 * tag changes whenever the bytes would, without making the bytes to find out (the 304 path never builds a page).
 */
final class Etags {
    private Etags() {}

    /** Accumulates the parts of one representation. Not thread-safe; one per request. */
    static final class Builder {
        // Two independent 64-bit lanes (multiply-xorshift, as in SplitMix64) give a 128-bit tag.
        private long a = 0x243F6A8885A308D3L;
        private long b = 0x13198A2E03707344L;

        Builder add(long value) {
            a = mix(a ^ value) * 0x9E3779B97F4A7C15L;
            b = mix(b + value) * 0xC2B2AE3D27D4EB4FL;
            return this;
        }

        Builder add(String value) {
            add(value.length());
            for (int i = 0; i < value.length(); i++) {
                add(value.charAt(i));
            }
            return this;
        }

        String tag() {
            return "\"" + Long.toHexString(mix(a)) + "-" + Long.toHexString(mix(b)) + "\"";
        }

        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }

    static Builder builder() {
        return new Builder();
    }

    /** A 64-bit digest of rendered bytes (the first 8 bytes of their SHA-256), computed once per rendering. */
    static long digest(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (d[i] & 0xff);
            }
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Whether If-None-Match names this tag (weak comparison, RFC 9110 section 13.1.2), or is "*". */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || ifNoneMatch.isEmpty()) {
            return false;
        }
        int at = 0;
        int length = ifNoneMatch.length();
        while (at < length) { // a comma-separated list; scanned in place, every conditional request reads it
            int end = ifNoneMatch.indexOf(',', at);
            if (end < 0) {
                end = length;
            }
            int from = at;
            int to = end;
            while (from < to && ifNoneMatch.charAt(from) == ' ') {
                from++;
            }
            while (to > from && ifNoneMatch.charAt(to - 1) == ' ') {
                to--;
            }
            if (ifNoneMatch.startsWith("W/", from)) {
                from += 2;
            }
            if ((to - from == 1 && ifNoneMatch.charAt(from) == '*')
                    || (to - from == tag.length() && ifNoneMatch.regionMatches(from, tag, 0, tag.length()))) {
                return true;
            }
            at = end + 1;
        }
        return false;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}

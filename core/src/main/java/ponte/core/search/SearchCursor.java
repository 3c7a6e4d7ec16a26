package ponte.core.search;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import ponte.core.Invalid;

/**
 * Where the next page of one search starts: the index view it reads (so deep pages read one snapshot), a fingerprint
 * of the search (a cursor is refused for another one) and the position of the last candidate examined. Opaque to
 * clients; the prefix tells it from a feed cursor.
 */
record SearchCursor(long token, long fingerprint, Position position) {
    private static final String PREFIX = "s1.";
    private static final int BYTES = Long.BYTES * 4 + Float.BYTES;

    static SearchCursor after(long token, SearchRequest request, Position position) {
        return new SearchCursor(token, fingerprint(request), position);
    }

    String encode() {
        ByteBuffer b = ByteBuffer.allocate(BYTES).putLong(token).putLong(fingerprint)
                .putFloat(position.score()).putLong(position.sort()).putLong(position.key());
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    static SearchCursor parse(String value, SearchRequest request) {
        SearchCursor cursor = decode(value);
        if (cursor.fingerprint != fingerprint(request)) {
            throw new Invalid("/after", "this cursor belongs to another search: keep q, filters and sort when paging");
        }
        return cursor;
    }

    private static SearchCursor decode(String value) {
        try {
            if (value.startsWith(PREFIX)) {
                byte[] bytes = Base64.getUrlDecoder().decode(value.substring(PREFIX.length()));
                if (bytes.length == BYTES) {
                    ByteBuffer b = ByteBuffer.wrap(bytes);
                    long token = b.getLong();
                    long fingerprint = b.getLong();
                    return new SearchCursor(token, fingerprint, new Position(b.getFloat(), b.getLong(), b.getLong()));
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below
        }
        throw new Invalid("/after", "'" + value + "' is not a search cursor Ponte issued");
    }

    /** 64-bit FNV-1a: a stable fingerprint across restarts (String.hashCode is only 32 bits). */
    static long fingerprint(SearchRequest request) {
        long h = 0xcbf29ce484222325L;
        for (byte b : request.fingerprint().getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}

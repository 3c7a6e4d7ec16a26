package ponte.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A request's query string ({@code a=1&b=x%20y}) as form-encoded UTF-8 (RFC 3986 percent-encoding, '+' a space), read
 * by name. A handler asks for two or three known names, so this keeps the raw string and finds a name where it is
 * asked: no map is built, and a value is decoded only when it carries an escape. The hot feed path paid for Jetty's
 * decoding of every parameter into a map on each request (about a sixth of its own work on a 304).
 */
final class QueryParameters {
    static final QueryParameters NONE = new QueryParameters(null);

    private final String raw;
    private boolean checked; // one request's, read on its thread

    private QueryParameters(String raw) {
        this.raw = raw;
    }

    /** @param raw the query string as sent, without its '?' (null or empty for none) */
    static QueryParameters of(String raw) {
        return raw == null || raw.isEmpty() ? NONE : new QueryParameters(raw);
    }

    /**
     * The first value given to {@code name}, decoded ("" for {@code name} or {@code name=}); empty when absent. The
     * first call checks every pair to be well encoded, as a malformed query string is refused whatever is asked of it;
     * later calls (a request asks two or three names) only look for their name.
     *
     * @throws HttpError 400 when the query string is not percent-encoded UTF-8
     */
    Optional<String> first(String name) {
        if (raw == null) {
            return Optional.empty();
        }
        if (!checked) {
            forEachPair((from, to) -> {
                requireEncoded(from, to);
                return false;
            });
            checked = true;
        }
        String[] found = new String[1];
        forEachPair((nameStart, nameEnd) -> {
            if (!named(name, nameStart, nameEnd)) {
                return false;
            }
            int end = raw.indexOf('&', nameEnd);
            end = end < 0 ? raw.length() : end;
            found[0] = decoded(nameEnd == end ? end : nameEnd + 1, end);
            return true;
        });
        return Optional.ofNullable(found[0]);
    }

    /** Whether the name at [from, to) is {@code name}: compared in place unless it carries an escape. */
    private boolean named(String name, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c == '%' || c == '+') {
                return decoded(from, to).equals(name);
            }
        }
        return to - from == name.length() && raw.regionMatches(from, name, 0, name.length());
    }

    /** Refuses a name or value that is not percent-encoded UTF-8; one without an escape or a '+' is. */
    private void requireEncoded(int from, int to) {
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c == '%' || c == '+') {
                decoded(from, to);
                return;
            }
        }
    }

    /** Visits each non-empty pair's name as [from, to) in order, until the visitor says it is done. */
    private void forEachPair(NameVisitor visitor) {
        int length = raw.length();
        int start = 0;
        while (start <= length) {
            int end = raw.indexOf('&', start);
            if (end < 0) {
                end = length;
            }
            if (end > start) {
                int equals = raw.indexOf('=', start);
                int nameEnd = equals < 0 || equals > end ? end : equals;
                if (!checked) {
                    requireEncoded(nameEnd == end ? end : nameEnd + 1, end);
                }
                if (visitor.visit(start, nameEnd)) {
                    return;
                }
            }
            start = end + 1;
        }
    }

    @FunctionalInterface
    private interface NameVisitor {
        boolean visit(int from, int to);
    }

    /** One name or value: as it stands unless it has an escape or a '+', which are decoded as UTF-8, strictly. */
    private String decoded(int from, int to) {
        boolean plain = true;
        for (int i = from; i < to && plain; i++) {
            char c = raw.charAt(i);
            plain = c != '%' && c != '+';
        }
        if (plain) {
            return raw.substring(from, to);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                int high = i + 2 < to ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (low < 0) {
                    throw malformed();
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                int codePoint = raw.codePointAt(i);
                byte[] utf8 = Character.toString(codePoint).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
                i += Character.charCount(codePoint) - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException notUtf8) {
            throw malformed();
        }
    }

    private static HttpError malformed() {
        return HttpError.badRequest("the query string is not percent-encoded UTF-8 (RFC 3986 section 2.1)");
    }
}

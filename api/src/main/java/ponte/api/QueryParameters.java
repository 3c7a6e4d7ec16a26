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

    private QueryParameters(String raw) {
        this.raw = raw;
    }

    /** @param raw the query string as sent, without its '?' (null or empty for none) */
    static QueryParameters of(String raw) {
        return raw == null || raw.isEmpty() ? NONE : new QueryParameters(raw);
    }

    /**
     * The first value given to {@code name}, decoded ("" for {@code name} or {@code name=}); empty when absent. Every
     * pair before it is checked to be well encoded too, as a malformed query string is refused whatever is asked of it.
     *
     * @throws HttpError 400 when the query string is not percent-encoded UTF-8
     */
    Optional<String> first(String name) {
        if (raw == null) {
            return Optional.empty();
        }
        int length = raw.length();
        int start = 0;
        String found = null;
        while (start <= length) {
            int end = raw.indexOf('&', start);
            if (end < 0) {
                end = length;
            }
            if (end > start) {
                int equals = raw.indexOf('=', start);
                int nameEnd = equals < 0 || equals > end ? end : equals;
                String key = decoded(start, nameEnd);
                String value = decoded(nameEnd == end ? end : nameEnd + 1, end);
                if (found == null && key.equals(name)) {
                    found = value;
                }
            }
            start = end + 1;
        }
        return Optional.ofNullable(found);
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
